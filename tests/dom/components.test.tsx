import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { NoteComposer } from '../../components/capture/NoteComposer';
import { PeopleList } from '../../components/capture/PeopleList';
import { TimelineList } from '../../components/timeline/TimelineList';

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => document.body.replaceChildren());

const HOSTILE = '<img src=x onerror="window.__pwned=1">Eve';

test('people on the page: a labelled list, page-derived names rendered as text', () => {
  const host = root();
  render(<PeopleList people={[{ contactId: crypto.randomUUID(), displayName: HOSTILE, email: 'eve@x.example' }]} tabId={1} onSelect={() => {}} />, host);
  const list = host.querySelector('[role=list]')!;
  expect(list.getAttribute('aria-label')).toBe('People on this page');
  expect(list.querySelector('img')).toBeNull();
  expect(list.textContent).toContain(HOSTILE);
  expect(list.textContent).toContain('eve@x.example');
});

test('timeline links only to http(s) sources; a javascript: URL stays text', () => {
  const host = root();
  const base = { contactIds: [crypto.randomUUID()], kind: 'sighting' as const, at: 1, createdAt: 1 };
  render(
    <TimelineList
      entries={[
        { ...base, id: crypto.randomUUID(), summary: 'Safe', source: { url: 'https://mail.google.com/x' } },
        { ...base, id: crypto.randomUUID(), summary: HOSTILE, source: { url: 'javascript:alert(1)' } },
      ]}
    />,
    host,
  );
  const links = [...host.querySelectorAll('a')];
  expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://mail.google.com/x']);
  expect(host.querySelector('img')).toBeNull();
  expect(host.textContent).toContain(HOSTILE);
});

test('timeline: a stage change reads in words with the stages’ names, whether stored as data or, as before, as text', () => {
  const host = root();
  const base = { contactIds: [crypto.randomUUID()], kind: 'stage' as const, createdAt: 1 };
  render(
    <TimelineList
      entries={[
        { ...base, id: crypto.randomUUID(), at: 3, summary: '', stage: { from: 'prospect', to: 'won' } },
        { ...base, id: crypto.randomUUID(), at: 2, summary: 'Stage: active → no stage', stage: { from: 'active' } },
        { ...base, id: crypto.randomUUID(), at: 1, summary: 'Stage: no stage → customer' },
      ]}
    />,
    host,
  );
  expect([...host.querySelectorAll('.entry-summary')].map((p) => p.textContent)).toEqual([
    'Stage: Prospect → Won',
    'Stage: Active → no stage',
    'Stage: no stage → Customer',
  ]);
});

test('note composer: a double click saves once; a failed save keeps the text and says why', async () => {
  const host = root();
  let resolveSave!: () => void;
  const onSave = vi.fn(() => new Promise<void>((resolve) => (resolveSave = resolve)));
  render(<NoteComposer onSave={onSave} />, host);
  const textarea = host.querySelector('textarea')!;
  await act(() => {
    textarea.value = 'Met at the conference';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const form = host.querySelector('form')!;
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  expect(onSave).toHaveBeenCalledTimes(1);
  await act(async () => resolveSave());
  expect(textarea.value).toBe('');

  onSave.mockImplementationOnce(() => Promise.reject(new Error('Disk full')));
  await act(() => {
    textarea.value = 'Keep me';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  });
  expect(host.querySelector('[role=alert]')?.textContent).toBe('Disk full');
  expect(textarea.value).toBe('Keep me');
});
