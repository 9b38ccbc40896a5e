import { t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Contact } from '../../utils/model/records';
import { stageLabel, timeAgo } from '../shared/labels';
import { useRequest } from '../shared/use-request';

/** The card's header line: last interaction, interactions this year, stage. */
export function ContactFacts({ contact }: { contact: Contact }) {
  const since = new Date(new Date().getFullYear(), 0, 1).getTime();
  const facts = useRequest(() => ask({ type: 'getContactFacts', contactId: contact.id, since }), [contact.id, contact.updatedAt]);
  const counts = facts.data?.countsByKind ?? {};
  const thisYear = Object.entries(counts).reduce((sum, [kind, n]) => (kind === 'stage' ? sum : sum + n), 0);
  const parts = [
    contact.lastInteractionAt ? t('cardLastInteraction', timeAgo(contact.lastInteractionAt)) : t('cardNoInteraction'),
    tCount('cardInteractionsThisYear', thisYear),
    ...(contact.stage ? [t('cardStageFact', stageLabel(contact.stage))] : []),
  ];
  return (
    <p class="facts" aria-label={t('cardFacts')}>
      {parts.join(' · ')}
    </p>
  );
}
