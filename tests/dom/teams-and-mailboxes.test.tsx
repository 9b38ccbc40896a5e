import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { TeamsAndMailboxes } from '../../components/capture/TeamsAndMailboxes';
import { ask } from '../../utils/messaging/client';

const CREATED = crypto.randomUUID();
vi.mock('../../utils/messaging/client', () => ({ ask: vi.fn(async () => ({ id: CREATED })) }));

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.replaceChildren();
  vi.mocked(ask).mockClear();
});

const HOSTILE = '<img src=x onerror="window.__pwned=1">Let us know';

test('no section when the page shows no team or mailbox', () => {
  const host = root();
  render(<TeamsAndMailboxes mailboxes={[]} tabId={3} onSelect={() => {}} />, host);
  expect(host.innerHTML).toBe('');
});

test('teams and mailboxes: a headed, labelled list apart from people; Add saves that address from this tab', async () => {
  const host = root();
  const onSelect = vi.fn();
  const known = crypto.randomUUID();
  render(
    <TeamsAndMailboxes
      mailboxes={[
        { displayName: HOSTILE, email: 'tips@paper.example', mailbox: 'role' },
        { contactId: known, displayName: 'Press office', email: 'press@paper.example', mailbox: 'role' },
      ]}
      tabId={3}
      onSelect={onSelect}
    />,
    host,
  );
  const section = host.querySelector('section')!;
  expect(section.querySelector('h3')?.textContent).toBe('Teams and mailboxes');
  expect(section.getAttribute('aria-labelledby')).toBe(section.querySelector('h3')?.id);
  const list = section.querySelector('[role=list]')!;
  expect(list.getAttribute('aria-label')).toBe('Teams and mailboxes on this page');
  expect(list.querySelector('img')).toBeNull();
  expect(list.textContent).toContain(HOSTILE);
  expect(list.textContent).toContain('tips@paper.example');
  const adds = [...list.querySelectorAll('button')].filter((b) => b.textContent === 'Add to Tend');
  expect(adds).toHaveLength(1);
  await act(async () => adds[0]!.click());
  expect(ask).toHaveBeenCalledWith({ type: 'createContact', displayName: HOSTILE, email: 'tips@paper.example', fromTab: 3 });
  expect(onSelect).toHaveBeenCalledWith(CREATED);
  await act(async () => list.querySelector<HTMLButtonElement>('button[aria-pressed]')!.click());
  expect(onSelect).toHaveBeenLastCalledWith(known);
});
