import { describe, expect, test } from 'vitest';
import { findPeopleOnWebPage } from '../../utils/recognise/web/recogniser';
import { looksLikeName, nameFromLabel } from '../../utils/recognise/web/link-names';
import { loadFixture } from './load-fixture';

describe("names from a mail link's context (web/mail-link-names)", () => {
  const people = findPeopleOnWebPage(loadFixture('web', 'mail-link-names'), new URL('https://daily.example/staff')).people;
  const nameOf = (email: string) => {
    const person = people.find((p) => p.email === email);
    expect(person, email).toBeDefined();
    return person!.name;
  };

  test.each([
    ['jane.roe@daily.example', 'Jane Roe', 'the h-card around a link whose text is "Email"'],
    ['omar@daily.example', 'Omar Haddad', 'the microdata Person around a "Contact" link'],
    ['sam.poe@daily.example', 'Sam Poe', 'an icon-only link: its aria-label without "Email ... in email client"'],
    ['tomas@daily.example', 'Tomás Ruiz', 'its title without "Send an email to"'],
    ['juergen@daily.example', 'Jürgen Weber', 'an image alt in German ("E-Mail an")'],
    ['kim.lee@daily.example', 'Kim Lee', 'the rel=author link in the byline the icon sits in'],
    ['priya@daily.example', 'Priya Nair', 'the .author element beside the links block'],
    ['ana@daily.example', 'Ana Souza', 'an itemprop=author sibling of a link whose text is the address'],
  ])('%s is %s: %s', (email, name) => expect(nameOf(email)).toBe(name));

  test.each([
    ['li.wei@daily.example', 'a label that is only "Email", no byline'],
    ['desk2@daily.example', 'a byline with two authors'],
    ['gus@daily.example', 'a block with two mail links: whose name would the author be'],
    ['hal@daily.example', 'the other link of that block'],
    ['tips@daily.example', '"Let us know" is a call to action, not a person'],
    ['editor@daily.example', '"write to the editor" is not a name, and no byline names it'],
    ['letters@daily.example', 'a sentence is never a name'],
  ])('%s has no name: %s', (email) => expect(nameOf(email)).toBeUndefined());
});

describe('looksLikeName', () => {
  test.each(['Ada Lovelace', 'J. R. R. Tolkien', 'Roe, Jane', 'María José García López', '山田太郎', "Seán O'Brien", 'News Desk'])('%s is a name', (text) =>
    expect(looksLikeName(text)).toBe(true),
  );
  test.each([
    'Let us know',
    'Email us',
    'Contact the team',
    'click here',
    'www.example.org',
    'Room 101',
    'Is anyone there?',
    'jane roe',
    'ada@example.org',
    '',
  ])('%s is not', (text) => expect(looksLikeName(text)).toBe(false));
});

describe('nameFromLabel', () => {
  test.each([
    ['Email Jane Roe in email client', 'Jane Roe'],
    ['Send an email to Tomás Ruiz', 'Tomás Ruiz'],
    ['Contact: Kim Lee', 'Kim Lee'],
    ['E-Mail an Jürgen Weber', 'Jürgen Weber'],
    ['Envoyer un courriel à Élise Martin', 'Élise Martin'],
    ['Email Jane Roe (jane@roe.example)', 'Jane Roe'],
    ['Email Jane Roe jane@roe.example', 'Jane Roe'],
    ['Email', undefined],
    ['Email us for more information', undefined],
  ])('%s -> %s', (label, name) => expect(nameFromLabel(label)).toBe(name));
});
