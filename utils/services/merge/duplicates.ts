/** Finding pairs of people who may be one person (suggestions for the user to merge or leave). */
import { listAllContacts } from '../../db/contacts-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import type { DuplicatePair } from '../../messaging/features/search';
import type { Contact } from '../../model/records';
import { duplicateKeys, pairReason, type DuplicateKey } from './duplicates-rules';

/** Most people sharing one key that are paired up: a key shared more widely is noise, not a person. */
export const MAX_GROUP = 6;

/**
 * Pairs of people sharing a key under any rule, each with every reason that applies; pairs with
 * more reasons first, then the most recently updated. The older person of a pair comes first
 * (the one a merge keeps).
 */
export function duplicatePairs(contacts: readonly Contact[], limit: number): DuplicatePair[] {
  const groups = new Map<string, { contact: Contact; key: DuplicateKey }[]>();
  for (const contact of contacts) {
    for (const key of duplicateKeys(contact)) {
      const group = groups.get(key.key) ?? [];
      if (!group.some((member) => member.contact.id === contact.id)) group.push({ contact, key });
      groups.set(key.key, group);
    }
  }
  const pairs = new Map<string, DuplicatePair>();
  for (const group of groups.values()) {
    if (group.length < 2 || group.length > MAX_GROUP) continue;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!].sort((x, y) => x.contact.createdAt - y.contact.createdAt || (x.contact.id < y.contact.id ? -1 : 1));
        const id = `${a!.contact.id}|${b!.contact.id}`;
        const pair = pairs.get(id) ?? { first: a!.contact, second: b!.contact, reasons: [] };
        const reason = { rule: a!.key.rule, text: pairReason(a!.key, b!.key) };
        if (!pair.reasons.some((r) => r.text === reason.text)) pair.reasons.push(reason);
        pairs.set(id, pair);
      }
    }
  }
  const newest = (pair: DuplicatePair) => Math.max(pair.first.updatedAt, pair.second.updatedAt);
  return [...pairs.values()].sort((x, y) => y.reasons.length - x.reasons.length || newest(y) - newest(x)).slice(0, limit);
}

/** Likely duplicates among everyone in Tend. */
export async function findDuplicates(db: TendDatabase, limit: number): Promise<DuplicatePair[]> {
  return duplicatePairs(await listAllContacts(readTx(db, ['contacts'])), limit);
}
