/**
 * The search bench's corpus: 10,000 people and 100,000 notes, generated from a seed so every run
 * searches the same data. Names, organisations and note words are drawn with a skew (a few
 * common, a long tail rare), as in a real address book and real notes; a few people have long
 * histories (thousands of entries), most have a handful.
 */
import type { TendDatabase } from '../utils/db/schema';
import type { Contact, Interaction } from '../utils/model/records';
import { SeededRandom } from './pages/random';

const FIRST = (
  'ada grace katherine dorothy mary alan edsger barbara donald john margaret linus ken dennis bjarne guido james ' +
  'anita radia frances hedy sophie jean claude emmy lise marie rosalind chien shiung tim vint bob leslie niklaus ' +
  'tony robin brian rob larry sergey sundar satya susan sheryl melinda steve paul bill jeff andy marc ben joe ' +
  'sara elena ivan olga pierre louise hans greta lars ingrid mateo lucia diego sofia ahmed fatima yuki hiro ' +
  'mei wei arjun priya kwame amara noah emma liam olivia ethan ava lucas mia zoe leo nina omar layla felix ' +
  'clara hugo iris jonas maya oscar ruby theo vera'
).split(' ');
const LAST = (
  'lovelace hopper johnson vaughan jackson turing dijkstra liskov knuth mccarthy hamilton torvalds thompson ' +
  'ritchie stroustrup rossum gosling borg perlman allen lamarr wilson bartik shannon noether meitner curie ' +
  'franklin wu berners lee cerf kahn lamport wirth hoare milner kernighan pike page brin pichai nadella ' +
  'wojcicki sandberg gates jobs allen bezos grove andreessen horowitz garcia martinez lopez gonzalez silva ' +
  'santos muller schmidt schneider fischer weber meyer wagner becker hoffmann novak kowalski nowak ivanova ' +
  'petrov smirnov tanaka suzuki watanabe takahashi chen wang zhang liu yang huang patel shah singh kumar ' +
  'okafor mensah diallo nkosi haddad khalil rahman nguyen tran pham kim park choi larsen hansen nielsen ' +
  'johansson andersson virtanen murphy kelly byrne walsh'
).split(' ');
const ORGS = (
  'acme initech globex umbrella hooli piedpiper stark wayne tyrell cyberdyne soylent wonka gringotts ' +
  'oscorp aperture blackmesa vandelay dunder monarch nakatomi weyland massive dynamic contoso fabrikam ' +
  'northwind tailspin adventure litware proseware woodgrove lucerne fourth coffee wide world importers ' +
  'alpine ski house margie travel trey research blue yonder airlines city power light consolidated messenger'
).split(' ');
const TAGS = 'investor customer friend family mentor founder engineer designer press partner conference alumni board advisor hiring'.split(' ');

// Words of notes: a hand-picked core of what people write about people, then generated rarer words.
const CORE_WORDS = (
  'the a to and of in for on with about we they she he it is was will be at from that this next week ' +
  'meeting call lunch coffee dinner email intro proposal budget quarter review schedule draft contract ' +
  'invoice timeline launch roadmap hiring offer interview feedback conference talk slides demo pilot renewal ' +
  'pricing discount deadline follow up promised send thanks birthday wedding baby kids daughter son partner ' +
  'vacation holiday moved city new job promotion team manager project deal signed lost won churn risk ' +
  'thursday friday monday tuesday wednesday january february march april may june july august september ' +
  'october november december asked wants needs likes prefers worried excited happy frustrated tired sick ' +
  'recovering surgery marathon cycling climbing sailing chess piano guitar painting cooking garden dog cat ' +
  'book podcast article recommended introduced referral investor board funding seed series round valuation ' +
  'quarterly annual weekly monthly report numbers revenue growth users retention onboarding support bug ' +
  'feature request integration api security audit compliance legal procurement approval signature'
).split(' ');
const SYLLABLES = 'ka ri to mel an sor vi da lun pe ro gas tin ber quo lex mar fen tul dri os ya zen cor pal ish umb'.split(' ');

/** A word list with a skewed draw: index i is picked with weight ~ 1 / (i + 1). */
class SkewedWords {
  private readonly cumulative: number[] = [];
  constructor(readonly words: readonly string[]) {
    let total = 0;
    for (let i = 0; i < words.length; i++) this.cumulative.push((total += 1 / (i + 1)));
  }
  pick(random: SeededRandom): string {
    const target = random.next() * this.cumulative.at(-1)!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return this.words[low]!;
  }
}

function generatedWords(random: SeededRandom, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    const syllables = random.int(2, 4);
    for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
    words.add(word);
  }
  return [...words];
}

/** The generated data, ready to write. */
export interface SearchCorpus {
  contacts: Contact[];
  notes: Interaction[];
  /** Addresses to look people up by: the busiest ten first, then a spread of others. */
  lookupAddresses: string[];
  /** What a user types, one query per keystroke ("k", "ka", "kat", ...). */
  keystrokes: string[];
}

const uuid = (random: SeededRandom, n: number) => {
  const hex = (bits: number) =>
    Math.floor(random.next() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, '0');
  return `${n.toString(16).padStart(8, '0')}-${hex(16)}-7${hex(12)}-8${hex(12)}-${hex(24)}${hex(24)}`;
};

/** Build the corpus: `people` people, `notes` notes, deterministic for a seed. */
export function buildSearchCorpus(people = 10_000, notes = 100_000, seed = 20251123): SearchCorpus {
  const random = new SeededRandom(seed);
  const words = new SkewedWords([...CORE_WORDS, ...generatedWords(random, 4000)]);
  const firsts = new SkewedWords(FIRST);
  const lasts = new SkewedWords(LAST);
  const start = Date.UTC(2020, 0, 1);
  const contacts: Contact[] = [];
  for (let i = 0; i < people; i++) {
    const first = firsts.pick(random);
    const last = lasts.pick(random);
    const org = random.next() < 0.7 ? random.pick(ORGS) : undefined;
    const domain = org ? `${org}.example` : random.next() < 0.5 ? 'gmail.com' : 'mail.example';
    const name = `${first[0]!.toUpperCase()}${first.slice(1)} ${last[0]!.toUpperCase()}${last.slice(1)}`;
    contacts.push({
      id: uuid(random, i),
      displayName: name,
      identities: [{ kind: 'email', value: `${first}.${last}.${i}@${domain}` }],
      ...(org && { org: `${org[0]!.toUpperCase()}${org.slice(1)}` }),
      tags: random.next() < 0.3 ? [random.pick(TAGS)] : [],
      createdAt: start,
      updatedAt: start,
    });
  }
  // A few people with long histories: five people (0, 2, 4, 6, 8) take a quarter of all notes.
  const owner = (n: number) => (n % 4 === 0 ? n % 10 : Math.floor(random.next() * people));
  const entries: Interaction[] = [];
  for (let n = 0; n < notes; n++) {
    const length = random.int(6, 40);
    const text: string[] = [];
    for (let w = 0; w < length; w++) text.push(random.next() < 0.03 ? random.pick(ORGS) : words.pick(random));
    const contact = contacts[owner(n)]!;
    const at = start + n * 9_000 + random.int(0, 8_000);
    entries.push({ id: uuid(random, people + n), contactIds: [contact.id], kind: 'note', at, summary: text.join(' '), createdAt: at });
    contact.lastInteractionAt = at;
  }
  const lookupAddresses = [
    ...contacts.slice(0, 10).map((c) => c.identities[0]!.value),
    ...Array.from({ length: 40 }, () => random.pick(contacts).identities[0]!.value),
  ];
  const targets = [
    'katherine johnson',
    'acme budget',
    'grace',
    'quarterly review',
    'lovelace',
    'sailing',
    'pricing discount',
    'turing',
    'investor',
    'thursday meeting',
    'nakatomi',
    'renewal risk',
    'dijkstra',
    'onboarding',
    'zhang wei',
  ];
  const keystrokes = targets.flatMap((target) => Array.from({ length: target.length }, (_, i) => target.slice(0, i + 1)).filter((q) => !q.endsWith(' ')));
  return { contacts, notes: entries, lookupAddresses, keystrokes };
}

/** Write the corpus into a Tend database as its stores hold it (people with their identities, notes with their timeline links), 5,000 records a transaction. */
export async function writeSearchCorpus(db: TendDatabase, corpus: SearchCorpus): Promise<void> {
  const batch = 5000;
  for (let i = 0; i < corpus.contacts.length; i += batch) {
    const tx = db.transaction(['contacts', 'identities'], 'readwrite');
    for (const contact of corpus.contacts.slice(i, i + batch)) {
      void tx.objectStore('contacts').put(contact);
      for (const identity of contact.identities)
        void tx.objectStore('identities').put({ key: `${identity.kind}:${identity.value}`, ...identity, contactId: contact.id });
    }
    await tx.done;
  }
  for (let i = 0; i < corpus.notes.length; i += batch) {
    const tx = db.transaction(['interactions', 'timeline'], 'readwrite');
    for (const note of corpus.notes.slice(i, i + batch)) {
      void tx.objectStore('interactions').put(note);
      for (const contactId of note.contactIds) void tx.objectStore('timeline').put({ contactId, at: note.at, interactionId: note.id });
    }
    await tx.done;
  }
}
