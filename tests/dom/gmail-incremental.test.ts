import { describe, expect, test } from 'vitest';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { outermost } from '../../utils/content/page-watcher';
import type { PageFindings } from '../../utils/recognise/shared/types';
import { loadFixture } from './load-fixture';

const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
const { findInAdded, removalMatters } = gmailRecogniser;

/** Findings with people in address order: an incremental scan appends where a full scan interleaves. */
const byAddress = (findings: PageFindings | undefined) =>
  findings && { ...findings, people: [...findings.people].sort((a, b) => (a.email ?? '').localeCompare(b.email ?? '')) };

/** A copy of another fixture's first element matching `selector`, owned by `doc`. */
function borrow(doc: Document, site: string, fixture: string, selector: string): Element {
  return doc.importNode(loadFixture(site, fixture).querySelector(selector)!, true);
}

describe('Gmail incremental scans (gmail/thread-expanded + gmail/thread-second)', () => {
  test('a message added to the open thread adds its people, exactly as a full scan would', () => {
    const doc = loadFixture('gmail', 'thread-expanded');
    const before = gmailRecogniser.find(doc, url);
    const message = borrow(doc, 'gmail', 'thread-second', 'div.adn.ads');
    doc.querySelector('div.adn.ads')!.parentElement!.append(message);
    const after = findInAdded!([message], before, doc, url);
    expect(after).toEqual(gmailRecogniser.find(doc, url));
    expect(after?.people.map((p) => p.email)).toContain('katherine@orbit.example');
  });

  test('an element added inside a message is read with that message', () => {
    const doc = loadFixture('gmail', 'thread-expanded');
    const before = gmailRecogniser.find(doc, url);
    const recipients = doc.querySelectorAll('span.hb')[1]!;
    const extra = doc.createElement('span');
    extra.className = 'g2';
    extra.setAttribute('email', 'mary@jackson.example');
    extra.setAttribute('name', 'Mary Jackson');
    recipients.append(extra);
    expect(findInAdded!([extra], before, doc, url)).toEqual(gmailRecogniser.find(doc, url));
  });

  test('another thread or a list arriving asks for a full scan', () => {
    const doc = loadFixture('gmail', 'thread-expanded');
    const before = gmailRecogniser.find(doc, url);
    const heading = doc.createElement('h2');
    heading.className = 'hP';
    doc.body.append(heading);
    expect(findInAdded!([heading], before, doc, url)).toBeUndefined();
    const row = borrow(doc, 'gmail', 'thread-list', 'tr.zA');
    const wrapper = doc.createElement('div');
    wrapper.append(row);
    expect(findInAdded!([wrapper], before, doc, url)).toBeUndefined();
  });

  test('a recipient chip added in compose is read alone', () => {
    const doc = loadFixture('gmail', 'compose-chips');
    const composeUrl = new URL('https://mail.google.com/mail/u/0/#inbox?compose=new');
    const before = gmailRecogniser.find(doc, composeUrl);
    const field = doc.querySelector('[role="option"][data-hovercard-id]')!.parentElement!;
    const chip = doc.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'dorothy@vaughan.example');
    chip.setAttribute('data-name', 'Dorothy Vaughan');
    field.append(chip);
    const after = findInAdded!([chip], before, doc, composeUrl)!;
    expect(byAddress(after)).toEqual(byAddress(gmailRecogniser.find(doc, composeUrl)));
    expect(after.people.at(-1)).toMatchObject({ email: 'dorothy@vaughan.example', name: 'Dorothy Vaughan' });
  });

  test('removing a person-bearing element matters; removing page chrome does not', () => {
    const doc = loadFixture('gmail', 'thread-expanded');
    expect(removalMatters!(doc.querySelector('div.adn.ads')!)).toBe(true);
    expect(removalMatters!(doc.querySelector('span.g2')!)).toBe(true);
    expect(removalMatters!(doc.createElement('div'))).toBe(false);
  });
});

test('outermost keeps only connected added elements not inside another added one', () => {
  const doc = loadFixture('gmail', 'thread-expanded');
  const message = doc.querySelector('div.adn.ads')!;
  const inside = message.querySelector('span.gD')!;
  const detached = doc.createElement('div');
  const other = doc.querySelectorAll('div.adn.ads')[1]!;
  expect(outermost(new Set([inside, message, detached, other]))).toEqual([message, other]);
});
