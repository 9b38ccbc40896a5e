import { ask } from '../utils/messaging/client';
import type { Contact } from '../utils/model';
import { STAGE_LABELS, timeAgo } from './labels';
import { useRequest } from './use-request';

/** The card's header line: last interaction, interactions this year, stage. */
export function ContactFacts({ contact }: { contact: Contact }) {
  const since = new Date(new Date().getFullYear(), 0, 1).getTime();
  const facts = useRequest(() => ask({ type: 'getContactFacts', contactId: contact.id, since }), [contact.id, contact.updatedAt]);
  const counts = facts.data?.countsByKind ?? {};
  const thisYear = Object.entries(counts).reduce((sum, [kind, n]) => (kind === 'stage' ? sum : sum + n), 0);
  const parts = [
    contact.lastInteractionAt ? `Last interaction ${timeAgo(contact.lastInteractionAt)}` : 'No interaction yet',
    `${thisYear} ${thisYear === 1 ? 'interaction' : 'interactions'} this year`,
    ...(contact.stage ? [`Stage: ${STAGE_LABELS[contact.stage]}`] : []),
  ];
  return <p class="facts" aria-label="Facts">{parts.join(' · ')}</p>;
}
