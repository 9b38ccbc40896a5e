import type { PeopleOnPage } from './mail-people';

/** What a reader of one part of a page tells the page's people: a PeopleOnPage, or a PeopleSaid that keeps it. */
export type PeopleSink = Pick<PeopleOnPage, 'add' | 'addSelf' | 'addSelfName' | 'addUserShownAs'>;

type Said = { [Method in keyof PeopleSink]: [Method, Parameters<PeopleSink[Method]>] }[keyof PeopleSink];

/**
 * What reading one part of a page said to the page's people, kept to be said again: an
 * incremental scan (calendar/outlook-memo.ts) reads a part once and tells each scan's collector
 * what it found, and two reads of a part are compared by what they said.
 */
export class PeopleSaid implements PeopleSink {
  readonly said: Said[] = [];

  add(...call: Parameters<PeopleSink['add']>): void {
    this.said.push(['add', call]);
  }
  addSelf(...call: Parameters<PeopleSink['addSelf']>): void {
    this.said.push(['addSelf', call]);
  }
  addSelfName(...call: Parameters<PeopleSink['addSelfName']>): void {
    this.said.push(['addSelfName', call]);
  }
  addUserShownAs(...call: Parameters<PeopleSink['addUserShownAs']>): void {
    this.said.push(['addUserShownAs', call]);
  }

  /** Say it all again, in order, to `people`. */
  replay(people: PeopleOnPage): void {
    for (const [method, call] of this.said) (people[method] as (...values: typeof call) => void).apply(people, call);
  }

  /** Did `other` say the same, in the same order? (As JSON: names and addresses are strings, the rest booleans and a role.) */
  same(other: PeopleSaid): boolean {
    return JSON.stringify(this.said) === JSON.stringify(other.said);
  }
}
