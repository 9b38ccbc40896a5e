/**
 * "Add to Tend" on a listed row asks the worker to save that row with what identifies it: its
 * address, or (a row with only a profile URL) its profile URL, so the worker finds the row and
 * saves every identity the page showed (utils/services/sightings/listed.ts).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { PeopleList } from '../../components/capture/PeopleList';
import { ask } from '../../utils/messaging/client';

const CREATED = crypto.randomUUID();
vi.mock('../../utils/messaging/client', () => ({ ask: vi.fn(async () => ({ id: CREATED })) }));
afterEach(() => {
  document.body.replaceChildren();
  vi.mocked(ask).mockClear();
});

test('a row with only a profile URL is added with that URL', async () => {
  const host = document.body.appendChild(document.createElement('div'));
  const onSelect = vi.fn();
  const grace = { displayName: 'Grace Hopper', profileUrl: 'https://github.com/ghopper' };
  render(<PeopleList people={[grace]} tabId={4} onSelect={onSelect} />, host);
  expect(host.textContent).toContain('https://github.com/ghopper');
  await act(async () => host.querySelector<HTMLButtonElement>('button[aria-label="Add to Tend: Grace Hopper"]')!.click());
  expect(ask).toHaveBeenCalledWith({
    type: 'createContact',
    displayName: 'Grace Hopper',
    email: undefined,
    profileUrl: 'https://github.com/ghopper',
    fromTab: 4,
  });
  expect(onSelect).toHaveBeenCalledWith(CREATED);
});
