/** Seeded pseudo-random choices, so every bench run builds byte-identical pages. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** A float in [0, 1): xorshift32, plenty for picking words. */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will can more other its into than them ' +
  'time only new some could these two may first then do any like my now over such our man me even most made after ' +
  'also did many before must through back years where much your way well down should because each just those people ' +
  'how too little state good very make world still own see men work long get here between both life being under never ' +
  'day same another know while last might us great old year off come since against go came right used take three ' +
  'meeting proposal budget quarter review schedule draft engine analysis report thursday invoice contract timeline'
).split(' ');

/** About `chars` characters of plain prose (words, commas, full stops), no addresses. */
export function prose(random: SeededRandom, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    let word = random.pick(WORDS);
    if (sentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    sentence++;
    const end = sentence > 6 && random.next() < 0.15;
    if (end) sentence = 0;
    const piece = word + (end ? '. ' : random.next() < 0.08 ? ', ' : ' ');
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
