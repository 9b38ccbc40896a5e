import { describe, expect, test } from 'vitest';
import type { Candidate } from '../../utils/model/records';
import { findPeopleOnWebPage } from '../../utils/recognise/web/recogniser';
import { loadFixture } from './load-fixture';

/** Candidates grouped as the worker keeps them: by card, else one each. */
function asPeople(candidates: Candidate[]): string[][] {
  const groups = new Map<number | string, string[]>();
  for (const candidate of candidates) {
    const key = candidate.card ?? candidate.email ?? '';
    groups.set(key, [...(groups.get(key) ?? []), `${candidate.name ?? '-'} <${candidate.email}>`]);
  }
  return [...groups.values()];
}

describe('one card, one person (web/one-card-one-person)', () => {
  const people = findPeopleOnWebPage(loadFixture('web', 'one-card-one-person'), new URL('https://foundation.example/people')).people;

  test('each card, JSON-LD or microdata Person is one person with all its addresses', () => {
    expect(asPeople(people)).toEqual([
      ['Lin Okafor <lin@okafor.example>', 'Lin Okafor <lin.okafor@foundation.example>'],
      ['Omar Haddad <omar@haddad.example>', 'Omar Haddad <omar@foundation.example>'],
      ['Jane Roe <jane@roe.example>', 'Jane Roe <jane.roe@foundation.example>'],
      ['- <office@mozilla.example>'],
      ['- <contact@foundation.example>'],
    ]);
  });

  test('the profile URL goes with the person, once', () => {
    expect(people.filter((p) => p.profileUrl).map((p) => [p.email, p.profileUrl])).toEqual([
      ['lin@okafor.example', 'https://okafor.example'],
      ['jane@roe.example', 'https://roe.example'],
    ]);
  });

  test('a nested p-org h-card and an h-org are not people: no one is named after an organisation', () => {
    const names = people.map((p) => p.name);
    expect(names).not.toContain('Mozilla Foundation');
    expect(names).not.toContain('Example Foundation');
    // The organisation's own address is not given to the person whose card holds it.
    expect(people.find((p) => p.email === 'office@mozilla.example')).toEqual({ email: 'office@mozilla.example', role: 'mention' });
  });
});

describe('one card, several profile URLs (web/one-card-many-urls)', () => {
  const people = findPeopleOnWebPage(loadFixture('web', 'one-card-many-urls'), new URL('https://conf.example/speakers')).people;
  const identitiesByCard = () => {
    const cards = new Map<number | undefined, string[]>();
    for (const { card, email, profileUrl, name } of people) {
      cards.set(card, [...(cards.get(card) ?? [name ?? '-']), ...[email, profileUrl].filter((value): value is string => !!value)]);
    }
    return [...cards.values()];
  };

  test('an h-card, a JSON-LD and a microdata Person each carry every profile URL, once, on one card', () => {
    expect(identitiesByCard()).toEqual([
      ['Noor Aziz', 'https://noor.example', 'https://github.com/noor-aziz'],
      ['Ivo Petrov', 'https://ivo.example', 'https://github.com/ivopetrov'],
      ['Tam Nguyen', 'tam@tam.example', 'https://tam.example', 'https://github.com/tamnguyen', 'https://linkedin.com/in/tam-nguyen'],
    ]);
    expect(people.every((person) => person.card !== undefined && person.role === 'mention')).toBe(true);
  });
});

describe('profiles linked through schema.org sameAs (web/json-ld-same-as)', () => {
  const people = findPeopleOnWebPage(loadFixture('web', 'json-ld-same-as'), new URL('https://summit.example/speakers')).people;
  const profilesOf = (name: string) => people.filter((person) => person.name === name).map((person) => [person.email, person.profileUrl]);

  test('a JSON-LD Person carries its url and every sameAs profile, once each, on the one card with its address', () => {
    expect(profilesOf('Ines Duarte')).toEqual([
      ['ines@duarte.example', 'https://duarte.example'],
      [undefined, 'https://linkedin.com/in/ines-duarte'],
      [undefined, 'https://github.com/inesduarte'],
      [undefined, 'https://social.example/@ines'],
    ]);
    expect(new Set(people.filter((person) => person.name === 'Ines Duarte').map((person) => person.card)).size).toBe(1);
  });

  test('a Person with only a sameAs is known by it; a microdata sameAs counts the same; an organisation’s is nobody’s', () => {
    expect(profilesOf('Kofi Mensah')).toEqual([[undefined, 'https://github.com/kofimensah']]);
    expect(profilesOf('Sara Lind')).toEqual([['sara@lind.example', 'https://linkedin.com/in/saralind']]);
    expect(people.map((person) => person.profileUrl)).not.toContain('https://linkedin.com/company/example-summit');
    expect(people.some((person) => person.profileUrl?.startsWith('javascript') || person.profileUrl?.includes('blog'))).toBe(false);
  });
});
