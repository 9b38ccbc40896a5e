/** Many made-up people for the People view's bench and e2e test: seeded, so every run is identical. */
import type { Contact, Stage } from '../../utils/model/records';
import { SeededRandom } from './random';

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Dennis', 'Radia', 'John', 'Hedy', 'Claude', 'Margaret'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Ritchie', 'Perlman', 'Backus', 'Lamarr', 'Shannon'];
const ORGS = ['Analytical Engines', 'Navy Research', 'Bletchley Park', 'NASA Langley', 'Eindhoven University', 'MIT', 'Stanford', 'IBM', 'Bell Labs'];
const TAGS = ['client', 'friend', 'investor', 'hiring', 'conference'];
const STAGES: (Stage | undefined)[] = [undefined, undefined, 'prospect', 'active', 'customer', 'won', 'lost', 'dormant'];
const DAY = 86_400_000;

/** A UUID v4 from the seeded generator (crypto.randomUUID would differ between runs). */
function seededUuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * `count` people with names, organisations, zero to two tags, a stage for most, a cadence for one
 * in five and a last interaction in the past two years for nine in ten, as of `now`.
 */
export function manyPeople(count: number, now: number, seed = 14): Contact[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i): Contact => {
    const displayName = `${random.pick(FIRST)} ${random.pick(LAST)} ${i + 1}`;
    const createdAt = now - random.int(30, 900) * DAY;
    const tags = [...new Set(Array.from({ length: random.int(0, 2) }, () => random.pick(TAGS)))];
    const stage = random.pick(STAGES);
    const org = random.int(0, 3) > 0 ? random.pick(ORGS) : undefined;
    const last = random.int(0, 9) > 0 ? now - random.int(0, 730) * DAY : undefined;
    const cadence = random.int(0, 4) === 0 ? random.pick([14, 30, 90]) : undefined;
    return {
      id: seededUuid(random),
      displayName,
      identities: [{ kind: 'email', value: `person${i + 1}@people.example` }],
      tags,
      createdAt,
      updatedAt: Math.max(createdAt, last ?? 0),
      ...(org && { org }),
      ...(stage && { stage }),
      ...(cadence && { cadenceDays: cadence }),
      ...(last !== undefined && { lastInteractionAt: Math.max(createdAt, last) }),
    };
  });
}
