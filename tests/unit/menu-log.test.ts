import { describe, expect, test } from 'vitest';
import { clickNeedsSidePanel, mailtoAddresses, planMenuLog } from '../../utils/services/capture/menu-log';

const ada = { contactId: '01900000-0000-7000-8000-000000000001', displayName: 'Ada', email: 'ada@x.example' };
const bob = { contactId: '01900000-0000-7000-8000-000000000002', displayName: 'Bob', email: 'bob@x.example' };
const page = { pageUrl: 'https://mail.google.com/mail/u/0/#inbox/abc', pageTitle: 'Plan - Gmail' };

describe('planMenuLog: the decision table', () => {
  test.each([
    [
      'one person on the tab, a selection',
      { ...page, selectionText: ' Agreed to send the deck ' },
      [ada],
      { action: 'log', person: { contactId: ada.contactId }, summary: 'Agreed to send the deck' },
    ],
    ['one person, no selection: the page title', page, [ada], { action: 'log', person: { contactId: ada.contactId }, summary: 'Plan - Gmail' }],
    ['several people: compose, for nobody yet', { ...page, selectionText: 'x' }, [ada, bob], { action: 'compose', emails: [] }],
    ['nobody: compose', { ...page, selectionText: 'x' }, [], { action: 'compose', emails: [] }],
    [
      'name-only people do not count',
      { ...page, selectionText: 'x' },
      [{ displayName: 'Someone' }, ada],
      { action: 'log', person: { contactId: ada.contactId } },
    ],
    [
      'a mailto link wins over the tab',
      { ...page, linkUrl: 'mailto:Carol@Y.example?subject=Hi' },
      [ada, bob],
      { action: 'log', person: { email: 'carol@y.example' } },
    ],
    [
      'a mailto link to two: compose with both',
      { ...page, linkUrl: 'mailto:c@y.example,d@y.example' },
      [ada],
      { action: 'compose', emails: ['c@y.example', 'd@y.example'] },
    ],
  ])('%s', (_name, click, people, expected) => {
    expect(planMenuLog(click, people)).toMatchObject(expected);
  });

  test('the page is the source; a chrome:// page is not a source', () => {
    expect(planMenuLog(page, [ada])).toMatchObject({ source: { url: page.pageUrl, title: 'Plan - Gmail' } });
    expect(planMenuLog({ pageUrl: 'chrome://settings', selectionText: 'x' }, [ada]).source).toBeUndefined();
  });

  test('a selection of megabytes is cut with a visible mark, not refused', () => {
    const plan = planMenuLog({ ...page, selectionText: 'word '.repeat(1_000_000) }, [ada]);
    expect(plan.summary.length).toBeLessThanOrEqual(100_000);
    expect(plan.summary).toMatch(/more characters not kept\]$/);
  });
});

test.each([
  ['mailto:a@x.example', ['a@x.example']],
  ['MAILTO:A@X.example?cc=b@x.example', ['a@x.example']],
  ['mailto:?to=c@x.example&subject=x', ['c@x.example']],
  ['mailto:not-an-address', []],
  ['https://x.example', []],
  [undefined, []],
])('mailtoAddresses(%s)', (link, expected) => expect(mailtoAddresses(link)).toEqual(expected));

test.each([
  ['one saved person on the tab', {}, 1, false],
  ['several', {}, 3, true],
  ['none', {}, 0, true],
  ['the worker is still loading: open it to be safe', {}, undefined, true],
  ['a mailto link to one person', { linkUrl: 'mailto:a@x.example' }, 3, false],
  ['a mailto link to two', { linkUrl: 'mailto:a@x.example,b@x.example' }, 1, true],
])('clickNeedsSidePanel: %s', (_name, click, saved, expected) => {
  expect(clickNeedsSidePanel(click, saved)).toBe(expected);
});
