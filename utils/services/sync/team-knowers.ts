/**
 * Who else on the team knows a person: the `knows` documents of the team replica for that person
 * (and for the ids teammates gave the same person: team-pull.ts keeps them as aliases), the
 * newest per member, this user left out.
 */
import type { TeamKnower } from '../../messaging/features/team';
import type { Replica } from './replicas';
import { knowsPrefix, readTeamDocument } from './team-documents';
import { readAliases } from './team-pull';

/** The other members who know this person, most recently in touch first. */
export async function teamKnowers(replica: Replica, member: string, contactId: string): Promise<TeamKnower[]> {
  const aliases = await readAliases(replica);
  const ids = [contactId, ...[...aliases].filter(([, here]) => here === contactId).map(([theirs]) => theirs)];
  const newest = new Map<string, TeamKnower>();
  for (const id of ids) {
    const rows = await replica.allDocs({ startkey: knowsPrefix(id), endkey: `${knowsPrefix(id)}\uffff`, include_docs: true });
    for (const row of rows.rows) {
      const read = readTeamDocument(row.doc);
      if (!read.ok || read.doc.kind !== 'knows' || read.doc.member === member) continue;
      const { member: who, lastTalkedAt } = read.doc;
      const known = newest.get(who);
      if (!known || (lastTalkedAt ?? 0) > (known.lastTalkedAt ?? 0)) newest.set(who, { member: who, ...(lastTalkedAt !== undefined && { lastTalkedAt }) });
    }
  }
  return [...newest.values()].sort((a, b) => (b.lastTalkedAt ?? 0) - (a.lastTalkedAt ?? 0) || a.member.localeCompare(b.member));
}
