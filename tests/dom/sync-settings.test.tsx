import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSettings } from '../../components/settings/SyncSettings';
import { SyncStateLine } from '../../components/sync/SyncStateLine';
import { syncErrorWords } from '../../components/sync/sync-words';
import type { SyncErrorCode, SyncStatus } from '../../utils/messaging/features/sync';
import { flush, mounter } from './mount';

const OFF: SyncStatus = { state: 'off', pending: 0, rejected: 0 };
const ON: SyncStatus = { state: 'idle', server: 'https://couch.example', user: 'ada', lastSyncedAt: Date.UTC(2026, 11, 6, 14, 5), pending: 0, rejected: 0 };

/** What the page did, in order: permission requests and the requests sent to the worker. */
let calls: string[];
let sent: { type: string; [key: string]: unknown }[];
/** The worker's answer to each request type (an Error is answered as a refusal). */
let answers: Record<string, SyncStatus | Error>;
let permissionGranted: boolean;

beforeEach(() => {
  calls = [];
  sent = [];
  answers = { getSyncStatus: OFF };
  permissionGranted = true;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    calls.push(message.type);
    sent.push(message);
    const answer = answers[message.type];
    if (answer instanceof Error) return { ok: false, error: { code: 'failed', message: answer.message } };
    return { ok: true, data: answer };
  }) as never);
  fakeBrowser.permissions.request = vi.fn(async (permissions: { origins?: string[] }) => {
    calls.push(`permission ${permissions.origins?.join(' ')}`);
    return permissionGranted;
  }) as never;
});
const mount = mounter();
const field = (host: HTMLElement, id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!;
async function type(host: HTMLElement, id: string, value: string) {
  await act(() => {
    field(host, id).value = value;
    field(host, id).dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function turnOn(host: HTMLElement, server: string, user = 'ada', password = 'secret') {
  await type(host, 'sync-server', server);
  await type(host, 'sync-user', user);
  await type(host, 'sync-password', password);
  await act(() => void host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await flush();
}
const button = (host: HTMLElement, name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;
const alertText = (host: HTMLElement) => host.querySelector('[role=alert]')?.textContent;

describe('the options page’s Sync section', () => {
  test('turning on asks Chrome for the server’s origin first, then the worker; the password is sent once and not kept', async () => {
    const host = await mount(<SyncSettings />);
    expect(field(host, 'sync-password').value).toBe('');
    answers.turnOnSync = { ...ON, server: 'https://couch.example/tend' };
    await turnOn(host, ' https://couch.example/tend ');
    expect(calls).toEqual(['getSyncStatus', 'permission https://couch.example/*', 'turnOnSync']);
    expect(sent.at(-1)).toEqual({ type: 'turnOnSync', server: 'https://couch.example/tend', user: 'ada', password: 'secret' });
    expect(host.textContent).toContain('Syncing with https://couch.example/tend as ada.');
    expect(host.querySelector('[role=status]')?.textContent).toBe('Sync is on.');
    expect(host.querySelector('input[type=password]')).toBeNull();
  });

  test('a team to join is sent with the credentials and shown once on; a name CouchDB would refuse is said before any prompt', async () => {
    const host = await mount(<SyncSettings />);
    await type(host, 'sync-team', 'Team Acme');
    await turnOn(host, 'https://couch.example');
    expect(calls).toEqual(['getSyncStatus']);
    expect(alertText(host)).toMatch(/^Enter the team database's name/);
    answers.turnOnSync = { ...ON, team: 'team-acme' };
    await type(host, 'sync-team', ' team-acme ');
    await turnOn(host, 'https://couch.example');
    expect(sent.at(-1)).toEqual({ type: 'turnOnSync', server: 'https://couch.example', user: 'ada', password: 'secret', team: 'team-acme' });
    expect(host.textContent).toContain('Sharing with the team database team-acme.');
  });

  test('a team the user may not join is said in plain words, and sync stays off', async () => {
    const host = await mount(<SyncSettings />);
    answers.turnOnSync = { ...OFF, lastError: { code: 'team-forbidden', at: 1 } };
    await type(host, 'sync-team', 'team-acme');
    await turnOn(host, 'https://couch.example');
    expect(alertText(host)).toBe('No access to that team: this user is not a member of its database. Nothing here was changed.');
    expect(field(host, 'sync-team').value).toBe('team-acme');
  });

  test('a refused permission says so and changes nothing: the worker is not asked', async () => {
    permissionGranted = false;
    const host = await mount(<SyncSettings />);
    await turnOn(host, 'http://127.0.0.1:5984');
    expect(calls).toEqual(['getSyncStatus', 'permission http://127.0.0.1:5984/*']);
    expect(alertText(host)).toBe('Tend was not allowed to reach http://127.0.0.1:5984, so sync stays off. Nothing changed.');
    // What the user typed is still there to try again.
    expect(field(host, 'sync-password').value).toBe('secret');
  });

  test.each(['couch.example', 'ftp://couch.example', 'https://ada:secret@couch.example'])(
    'a server address like %s is refused before any prompt',
    async (server) => {
      const host = await mount(<SyncSettings />);
      await turnOn(host, server);
      expect(calls).toEqual(['getSyncStatus']);
      expect(alertText(host)).toMatch(/^Enter the server's address/);
    },
  );

  test('a wrong password, answered as a status or as a refusal, is said in plain words and the form keeps what was typed', async () => {
    const host = await mount(<SyncSettings />);
    answers.turnOnSync = { ...OFF, lastError: { code: 'unauthorized', at: Date.now() } };
    await turnOn(host, 'https://couch.example');
    expect(alertText(host)).toBe('The server refused this user name and password.');
    expect(field(host, 'sync-password').value).toBe('secret');
    answers.turnOnSync = new Error('The server refused this user name and password.');
    await act(() => void host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(alertText(host)).toBe('The server refused this user name and password.');
    expect(field(host, 'sync-server').value).toBe('https://couch.example');
  });

  test('on: the server, the last sync, what waits, what was left out and the last problem; the password is never shown', async () => {
    answers.getSyncStatus = { ...ON, state: 'error', pending: 3, rejected: 1, lastError: { code: 'unreachable', at: ON.lastSyncedAt! + 60_000 } };
    const host = await mount(<SyncSettings />);
    const text = host.textContent!;
    expect(text).toContain('Syncing with https://couch.example as ada.');
    expect(text).toMatch(/Last synced: Dec 6, 2026/);
    expect(text).toContain('3 changes are waiting to be sent.');
    expect(text).toContain('1 record from the server was not valid and was left out.');
    expect(text).toMatch(/Last problem \(.+\): The server did not answer\. Tend will try again; your changes wait here\./);
    expect(host.querySelector('input')).toBeNull();
  });

  test('an old problem a later pass got past is not shown; nothing pending is said as such', async () => {
    answers.getSyncStatus = { ...ON, lastError: { code: 'unreachable', at: ON.lastSyncedAt! - 60_000 } };
    const host = await mount(<SyncSettings />);
    expect(host.textContent).not.toContain('Last problem');
    expect(host.textContent).toContain('Every change here is on the server.');
  });

  test('Sync now and Turn off ask the worker and show its answer; the form offers the server and user again, not the password', async () => {
    answers.getSyncStatus = { ...ON, pending: 2 };
    const host = await mount(<SyncSettings />);
    answers.syncNow = { ...ON, pending: 0, lastSyncedAt: ON.lastSyncedAt! + 1000 };
    await act(() => button(host, 'Sync now').click());
    await flush();
    expect(host.textContent).toContain('Every change here is on the server.');
    // The worker forgets the server and user with the password; the page offers them again.
    answers.turnOffSync = OFF;
    await act(() => button(host, 'Turn off sync').click());
    await flush();
    expect(calls).toEqual(['getSyncStatus', 'syncNow', 'turnOffSync']);
    expect(host.querySelector('[role=status]')?.textContent).toBe('Sync is off. Everything stays in this browser; nothing was deleted.');
    expect(field(host, 'sync-server').value).toBe('https://couch.example');
    expect(field(host, 'sync-user').value).toBe('ada');
    expect(field(host, 'sync-password').value).toBe('');
  });
});

test('the section and the panel’s line read the status again when the worker announces a change of sync, and only then', async () => {
  const section = await mount(<SyncSettings />);
  const line = await mount(<SyncStateLine />);
  answers.getSyncStatus = { ...ON, pending: 2 };
  await act(async () => void (await fakeBrowser.runtime.onMessage.trigger({ type: 'changed', contactIds: [crypto.randomUUID()] }, {})));
  await flush();
  expect(calls).toEqual(['getSyncStatus', 'getSyncStatus']);
  await act(async () => void (await fakeBrowser.runtime.onMessage.trigger({ type: 'changed', sync: true }, {})));
  await flush();
  expect(calls).toEqual(['getSyncStatus', 'getSyncStatus', 'getSyncStatus', 'getSyncStatus']);
  expect(section.textContent).toContain('2 changes are waiting to be sent.');
  expect(line.textContent).toContain('Sync: 2 changes not yet on the server.');
});

describe('the side panel’s sync line', () => {
  test.each<[string, SyncStatus]>([
    ['off', OFF],
    ['all synced', ON],
    ['off with changes logged before it was turned off', { ...OFF, pending: 4 }],
  ])('says nothing when %s', async (_, status) => {
    answers.getSyncStatus = status;
    const host = await mount(<SyncStateLine />);
    expect(calls).toEqual(['getSyncStatus']);
    expect(host.textContent).toBe('');
  });

  test('says what waits, or why sync fails, with a link to the Sync settings', async () => {
    answers.getSyncStatus = { ...ON, pending: 3 };
    const pending = await mount(<SyncStateLine />);
    expect(pending.querySelector('[role=status]')?.textContent).toMatch(/^Sync: 3 changes not yet on the server\. Sync settings$/);
    expect(pending.querySelector('a')?.getAttribute('href')).toMatch(/\/options\.html#sync-heading$/);
    answers.getSyncStatus = { ...ON, state: 'error', pending: 1, lastError: { code: 'forbidden', at: Date.now() } };
    const failing = await mount(<SyncStateLine />);
    expect(failing.querySelector('.sync-state-line.error')?.textContent).toContain('Sync failed: This user has no access to its database on the server.');
  });
});

test.each<[SyncErrorCode, string | undefined, string]>([
  ['unauthorized', undefined, 'The server refused this user name and password.'],
  ['forbidden', undefined, 'This user has no access to its database on the server.'],
  ['team-forbidden', undefined, 'No access to that team: this user is not a member of its database. Nothing here was changed.'],
  ['unreachable', undefined, 'The server did not answer. Tend will try again; your changes wait here.'],
  ['no-permission', undefined, 'Tend is no longer allowed to reach the server. Turn sync off and on again to allow it.'],
  ['server', '<b>read-only</b>', 'The server answered with an error: <b>read-only</b>'],
  ['server', undefined, 'The server answered with an error.'],
])('sync error %s (%s) in plain words', (code, detail, words) => {
  expect(syncErrorWords({ code, at: 0, ...(detail && { detail }) })).toBe(words);
});
