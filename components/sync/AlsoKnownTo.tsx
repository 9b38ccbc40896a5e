import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { timeAgo } from '../shared/labels';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPerson } from '../../utils/messaging/changed';
import { useRequest } from '../shared/use-request';

/**
 * "Also known to: Ana (last talked 3 days ago)": the teammates who know this person, from the
 * team database (issue 18). Nothing is shown without a team, or when no one else knows them.
 */
export function AlsoKnownTo({ contactId }: { contactId: string }) {
  const knowers = useRequest(() => ask({ type: 'getTeamKnowers', contactId }), [contactId]);
  // A team pass brings other members' `knows` documents: it announces a change of sync's status.
  useBroadcast((message) => (message.sync || concernsPerson(message, contactId)) && knowers.reload(), [contactId, knowers.reload]);
  const list = knowers.data ?? [];
  if (list.length === 0) return null;
  const names = list.map((knower) =>
    knower.lastTalkedAt === undefined ? knower.member : t('teamKnowerLastTalked', knower.member, timeAgo(knower.lastTalkedAt)),
  );
  return <p class="also-known-to">{t('teamAlsoKnownTo', names.join(', '))}</p>;
}
