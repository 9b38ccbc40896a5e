import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { FollowUpLists } from './FollowUpLists';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPerson } from '../../utils/messaging/changed';
import { useRequest } from '../shared/use-request';

/**
 * The card's follow-ups: what is open for this person and recently done; nothing while there are
 * none (the card's "Remind me" adds them).
 */
export function ContactFollowUps({ contactId }: { contactId: string }) {
  const followUps = useRequest(() => ask({ type: 'listContactFollowUps', contactId }), [contactId]);
  useBroadcast((message) => concernsPerson(message, contactId) && followUps.reload(), [contactId]);
  const groups = followUps.data;
  if (!followUps.error && (!groups || Object.values(groups).every((items) => items.length === 0))) return null;
  return (
    <section class="contact-followups" aria-labelledby="card-followups-heading">
      <h3 id="card-followups-heading">{t('cardFollowUps')}</h3>
      {followUps.error && (
        <p role="alert" class="error">
          {followUps.error}
        </p>
      )}
      {groups && <FollowUpLists groups={groups} now={Date.now()} doneShown={3} quiet />}
    </section>
  );
}
