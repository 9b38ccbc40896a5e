/** The demo's six people: who they are, what matters to them, and months of their history. */
import type { Contact, Interaction, LoggableKind } from '../../utils/model/records';

type Experience = NonNullable<Interaction['experience']>;

/** One past entry: days ago, kind, what happened, and how it went. */
type PastEntry = [daysAgo: number, kind: LoggableKind, summary: string, experience?: Experience];

/** A person the demo knows: addresses, the card's fields, and their history. */
export interface DemoPerson {
  displayName: string;
  email: string;
  profileUrl?: string;
  fields: Pick<Contact, 'org' | 'title' | 'tags' | 'stage' | 'whatMatters' | 'cadenceDays'>;
  /** When Tend first met them, in days ago. */
  metDaysAgo: number;
  history: PastEntry[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
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
