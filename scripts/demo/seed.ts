/**
 * The demo's seeded history: six people with what matters to them, tags, stages, cadences and
 * months of notes and interactions (some marked as good or strained moments), then follow-ups
 * due, overdue and coming. Everything goes in through Tend's own doors: the history as a backup
 * restored on the options page (the only way in for entries dated in the past; every record is
 * checked as any user's file is), the follow-ups and today's note as the extension's messages.
 */
import { newId } from '../../utils/ids';
import { DEFAULT_SETTINGS, type Contact, type Interaction, type LoggableKind } from '../../utils/model';
import { askBackground } from '../../tests/e2e/pages/ask';
import { backupFileText } from '../../tests/e2e/pages/backup-file';
import type { OptionsPage } from '../../tests/e2e/pages/options';

const HOUR = 3_600_000;
type Experience = NonNullable<Interaction['experience']>;
const DAY = 24 * HOUR;

/** One past entry: days ago, kind, what happened, and how it went. */
type PastEntry = [daysAgo: number, kind: LoggableKind, summary: string, experience?: Experience];

interface DemoPerson {
  displayName: string;
  email: string;
  profileUrl?: string;
  fields: Pick<Contact, 'org' | 'title' | 'tags' | 'stage' | 'whatMatters' | 'cadenceDays'>;
  /** When Tend first met them, in days ago. */
  metDaysAgo: number;
  history: PastEntry[];
}

const PEOPLE: DemoPerson[] = [
  {
    displayName: 'Ada Lovelace',
    email: 'ada@analytical.example',
    fields: {
      org: 'Analytical Society',
      title: 'Mathematician',
      tags: ['engine', 'writing'],
      stage: 'active',
      whatMatters: 'Credit for her Notes. Her daughter just started school, so mornings are hard. Send a short written summary before any call.',
      cadenceDays: 14,
    },
    metDaysAgo: 120,
    history: [
      [3, 'call', 'Walked through Note G together; she wants the Bernoulli table checked by Friday.', 'positive'],
      [9, 'email', 'Sent the translation draft; eleven corrections back within the hour.'],
      [16, 'meeting', 'Review ran an hour over: she was frustrated that we had not read her notes first.', 'negative'],
      [30, 'note', 'Prefers written agendas. Mentioned her daughter starts school in the autumn.'],
      [61, 'meeting', 'First meeting at the Society: she explained the engine’s loops better than anyone.', 'positive'],
    ],
  },
  {
    displayName: 'Charles Babbage',
    email: 'charles@engine.example',
    fields: {
      org: 'Difference Engine Ltd',
      title: 'Founder',
      tags: ['engine', 'funding'],
      stage: 'customer',
      whatMatters: 'Funding for the Analytical Engine and recognition from the Royal Society. Do not bring up what the first engine cost.',
      cadenceDays: 30,
    },
    metDaysAgo: 200,
    history: [
      [12, 'meeting', 'Funding update: the Treasury has not answered; he asked for a letter of support.', 'neutral'],
      [40, 'email', 'Thanked us for the introduction to Ada.', 'positive'],
      [75, 'call', 'Heated call about the delays; agreed to talk every month.', 'negative'],
    ],
  },
  {
    displayName: 'Grace Hopper',
    email: 'grace@navy.example',
    profileUrl: 'https://github.com/graceh',
    fields: {
      org: 'US Navy',
      title: 'Rear Admiral',
      tags: ['compilers'],
      stage: 'prospect',
      whatMatters: 'Programs people can read in plain English. Training her team. A working example beats any slide.',
    },
    metDaysAgo: 25,
    history: [
      [5, 'message', 'Asked for our COBOL examples to share with her team.', 'positive'],
      [21, 'meeting', 'An hour on compilers; she handed me a nanosecond (a foot of wire).', 'positive'],
    ],
  },
  {
    displayName: 'Alan Turing',
    email: 'alan@bletchley.example',
    fields: {
      org: 'Bletchley Park',
      title: 'Mathematician',
      tags: ['research'],
      stage: 'won',
      whatMatters: 'Long runs before work. Morphogenesis. Being left alone to think.',
      cadenceDays: 30,
    },
    metDaysAgo: 300,
    history: [
      [48, 'call', 'Agreed to review the paper on computable numbers.', 'positive'],
      [95, 'meeting', 'Lunch in Cambridge; talked about machines that learn.'],
    ],
  },
  {
    displayName: 'Katherine Johnson',
    email: 'katherine@orbit.example',
    fields: {
      org: 'NASA Langley',
      title: 'Mathematician',
      tags: ['research'],
      stage: 'customer',
      whatMatters: 'Numbers checked by hand before anything flies. Her three daughters. Choir on Sundays.',
      cadenceDays: 21,
    },
    metDaysAgo: 150,
    history: [
      [18, 'meeting', 'Checked the re-entry figures together; she found the error in ten minutes.', 'positive'],
      [60, 'email', 'Sent the orbit tables.'],
    ],
  },
  {
    displayName: 'Edsger Dijkstra',
    email: 'edsger@eindhoven.example',
    fields: { org: 'Eindhoven University', title: 'Professor', tags: ['research'], stage: 'lost', whatMatters: 'Elegance. Handwritten letters, never slides.' },
    metDaysAgo: 400,
    history: [[130, 'email', 'Declined: he considers our tool harmful.', 'negative']],
  },
];

/** The people and their history as a backup, dated back from `now`. */
function demoBackup(now: number): { text: string; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  for (const person of PEOPLE) {
    const createdAt = now - person.metDaysAgo * DAY;
    const id = newId(createdAt);
    ids.set(person.displayName, id);
    // Office hours: entries land at 10:00 and later in the day, not at the time the demo runs.
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

