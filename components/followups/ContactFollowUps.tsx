import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpLists } from './FollowUpLists';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';

/** The card's follow-ups: what is open for this person, recently done, and a form to add one. */
export function ContactFollowUps({ contactId }: { contactId: string }) {
  const followUps = useRequest(() => ask({ type: 'listContactFollowUps', contactId }), [contactId]);
  useBroadcast((message) => message.contactIds?.includes(contactId) && followUps.reload(), [contactId]);
  const [adding, setAdding] = useState(false);
  const groups = followUps.data;
  return (
    <section class="contact-followups" aria-labelledby="card-followups-heading">
      <h3 id="card-followups-heading">{t('cardFollowUps')}</h3>
      {followUps.error && (
        <p role="alert" class="error">
          {followUps.error}
        </p>
      )}
      {groups && <FollowUpLists groups={groups} now={Date.now()} doneShown={3} quiet />}
      {adding ? (
        <FollowUpForm contactId={contactId} idPrefix="card-followup" onSaved={() => setAdding(false)} />
      ) : (
        <button type="button" class="secondary" onClick={() => setAdding(true)}>
          {t('followUpAddToggle')}
        </button>
      )}
    </section>
  );
}
