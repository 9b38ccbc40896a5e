import { t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Contact } from '../../utils/model/records';
import { stageLabel, timeAgo } from '../shared/labels';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPerson } from '../../utils/messaging/changed';
import { useRequest } from '../shared/use-request';

/** The card's facts under the name: stage and tags as chips; last talked, interactions this year, open follow-ups. */
export function ContactFacts({ contact }: { contact: Contact }) {
  const since = new Date(new Date().getFullYear(), 0, 1).getTime();
  const facts = useRequest(() => ask({ type: 'getContactFacts', contactId: contact.id, since }), [contact.id, contact.updatedAt]);
  // A follow-up added or done changes the count without changing the person.
  useBroadcast((message) => concernsPerson(message, contact.id) && facts.reload(), [contact.id]);
  const counts = facts.data?.countsByKind ?? {};
  const thisYear = Object.entries(counts).reduce((sum, [kind, n]) => (kind === 'stage' ? sum : sum + n), 0);
  const openFollowUps = facts.data?.openFollowUps ?? 0;
  const parts = [
    contact.lastInteractionAt ? t('cardLastInteraction', timeAgo(contact.lastInteractionAt)) : t('cardNoInteraction'),
    tCount('cardInteractionsThisYear', thisYear),
    ...(openFollowUps > 0 ? [tCount('cardOpenFollowUps', openFollowUps)] : []),
  ];
  return (
    <div class="facts" role="group" aria-label={t('cardFacts')}>
      {(contact.stage || contact.tags.length > 0) && (
        <ul class="chips card-chips" aria-label={t('cardStageAndTags')}>
          {contact.stage && (
            <li class="chip stage">
              <span aria-hidden="true">{stageLabel(contact.stage)}</span>
              <span class="visually-hidden">{t('cardStageFact', stageLabel(contact.stage))}</span>
            </li>
          )}
          {contact.tags.map((tag) => (
            <li key={tag} class="chip tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <p class="facts-line">{parts.join(' · ')}</p>
    </div>
  );
}
