/**
 * The demo's seeded history: six people with what matters to them, tags, stages, cadences and
 * months of notes and interactions (some marked as good or strained moments), then follow-ups
 * due, overdue and coming. Everything goes in through Tend's own doors: the history as a backup
 * restored on the options page (the only way in for entries dated in the past; every record is
 * checked as any user's file is), the follow-ups and today's note as the extension's messages.
 */
import { newId } from '../../utils/ids';
import { DEFAULT_SETTINGS, type Contact, type Interaction } from '../../utils/model/records';
import { askBackground } from '../../tests/e2e/pages/ask';
import { backupFileText } from '../../tests/e2e/pages/backup-file';
import type { OptionsPage } from '../../tests/e2e/pages/options';
import { DEMO_PEOPLE } from './people';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The people and their history as a backup, dated back from `now`. */
function demoBackup(now: number): { text: string; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  for (const person of DEMO_PEOPLE) {
    const createdAt = now - person.metDaysAgo * DAY;
    const id = newId(createdAt);
    ids.set(person.displayName, id);
    // Office hours: entries land between 10:00 and 16:00, not at the minute the demo runs.
    const past = person.history.map(([daysAgo, kind, summary, experience]): Interaction => {
      const at = new Date(now - daysAgo * DAY).setHours(10 + (daysAgo % 7), 15, 0, 0);
      return { id: newId(at), contactIds: [id], kind, at, summary, ...(experience && { experience }), createdAt: at };
    });
    interactions.push(...past);
    contacts.push({
      id,
      displayName: person.displayName,
      identities: [{ kind: 'email', value: person.email }, ...(person.profileUrl ? [{ kind: 'url' as const, value: person.profileUrl }] : [])],
      ...person.fields,
      createdAt,
      updatedAt: now,
      lastInteractionAt: Math.max(...past.map((entry) => entry.at)),
    });
  }
  // Gmail marks the user's own address as "me"; Tend would learn it on the first thread anyway.
  const settings = { ...DEFAULT_SETTINGS, ownAddresses: ['me@example.com'] };
  return { text: backupFileText({ contacts, interactions, settings }, now), ids };
}

/** Seed the demo's history from an options page that is open; returns each person's id by name. */
export async function seedDemoHistory(options: OptionsPage, now = Date.now()): Promise<Map<string, string>> {
  const { text, ids } = demoBackup(now);
  await options.restoreBackup('tend-demo.json', text);
  const page = options.page;
  const id = (name: string) => ids.get(name)!;
  const followUp = (name: string, text: string, due: number) =>
    askBackground(page, { type: 'createFollowUp', id: crypto.randomUUID(), contactId: id(name), text, due, confirmPast: due < Date.now() });
  await followUp('Ada Lovelace', 'Send Ada the checked Bernoulli table', now - 2 * HOUR);
  await followUp('Ada Lovelace', 'Reply about the Turin lecture notes', now - 2 * DAY);
  await followUp('Ada Lovelace', 'Ask which chapter she wants first in the proofs', now + 6 * DAY);
  await followUp('Charles Babbage', 'Draft the letter of support for the Treasury', now + 4 * DAY);
  await followUp('Katherine Johnson', 'Ask how the choir concert went', now - 1 * DAY);
  await askBackground(page, {
    type: 'logInteraction',
    contactIds: [id('Grace Hopper')],
    kind: 'note',
    text: 'Coffee after her talk: she will try our examples with two of her trainees.',
    experience: 'positive',
    requestId: crypto.randomUUID(),
  });
  return ids;
}
