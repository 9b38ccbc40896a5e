import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeletePerson } from '../../components/card/DeletePerson';
import { DangerZone } from '../../components/settings/DangerZone';
import { RemovalWarning } from '../../components/settings/RemovalWarning';
import type { SyncStatus } from '../../utils/messaging/features/sync';
import type { Contact } from '../../utils/model/records';
import { flush, mounter } from './mount';

const OFF: SyncStatus = { state: 'off', pending: 0, rejected: 0 };
const ON: SyncStatus = { state: 'idle', server: 'https://couch.example', user: 'ada', pending: 0, rejected: 0 };
const ADA: Contact = {
  id: 'c1',
  displayName: 'Ada Lovelace',
  identities: [{ kind: 'email', value: 'ada@example.org' }],
  tags: [],
  createdAt: 1,
  updatedAt: 1,
};

/** The worker's answer to each request type. */
let answers: Record<string, unknown>;
let sent: string[];
beforeEach(() => {
  sent = [];
  answers = { getSyncStatus: OFF };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    sent.push(message.type);
    return { ok: true, data: answers[message.type] };
  }) as never);
});
const mount = mounter();
const button = (host: HTMLElement, name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;

/** The card's delete confirmation, opened. */
async function confirmation(): Promise<HTMLElement> {
  const host = await mount(<DeletePerson contact={ADA} />);
  await act(() => button(host, 'Delete this person…').click());
  await flush();
  return host;
}

describe('deleting a person with sync on', () => {
  test('the confirmation says the deletion goes to the server and the other devices', async () => {
    answers.getSyncStatus = ON;
    const host = await confirmation();
    expect(host.querySelector('.sync-deletion-note')?.textContent).toBe(
      'Sync is on: the deletion also goes to https://couch.example, and your other devices delete this person when they next sync.',
    );
  });

  test('in a team, it also says what the team database keeps and that the user is no longer listed as knowing the person', async () => {
    answers.getSyncStatus = { ...ON, team: 'team-sales' };
    const host = await confirmation();
    expect(host.querySelector('.sync-deletion-note')?.textContent).toBe(
      'Sync is on: the deletion also goes to https://couch.example, and your other devices delete this person when they next sync. ' +
        'Your team’s database, team-sales, keeps its card of this person and the notes you shared about them; it will no longer list you among the people who know them.',
    );
  });

  test('with sync off it says nothing about a server, and the card does not ask about sync until the confirmation opens', async () => {
    const host = await mount(<DeletePerson contact={ADA} />);
    expect(sent).toEqual([]);
    await act(() => button(host, 'Delete this person…').click());
    await flush();
    expect(sent).toEqual(['getSyncStatus']);
    expect(host.querySelector('.sync-deletion-note')).toBeNull();
    expect(host.textContent).not.toContain('server');
  });
});

describe('Delete everything with sync on', () => {
  /** The options page's Delete everything, the word typed and the button pressed. */
  async function deleteEverything(host: HTMLElement) {
    const input = host.querySelector<HTMLInputElement>('#delete-confirmation')!;
    await act(() => {
      input.value = 'DELETE';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
  }

  test('it says before that the server copy stays and how to remove it, and after that sync is off and the copy was left', async () => {
    answers.getSyncStatus = ON;
    const onDeleted = vi.fn();
    const host = await mount(<DangerZone onDeleted={onDeleted} />);
    expect(host.querySelector('.sync-deletion-note')?.textContent).toBe(
      'Sync is on with https://couch.example. Delete everything turns sync off first and deletes only what this browser keeps: nothing is deleted on the server, and your other devices keep everything. To remove the copy on the server too, delete your database there (or ask whoever runs the server) after this.',
    );
    answers.deleteEverything = { deletedPeople: 3, syncServerLeft: 'https://couch.example' };
    await deleteEverything(host);
    expect(sent).toContain('deleteEverything');
    expect(onDeleted).toHaveBeenCalledOnce();
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'Everything Tend kept in this browser has been deleted. Sync is off; the copy on https://couch.example was left as it was.',
    );
  });

  test('with sync off it says nothing about a server', async () => {
    const host = await mount(<DangerZone onDeleted={() => undefined} />);
    expect(host.querySelector('.sync-deletion-note')).toBeNull();
    answers.deleteEverything = { deletedPeople: 3 };
    await deleteEverything(host);
    expect(host.querySelector('[role=status]')?.textContent).toBe('Everything Tend kept has been deleted.');
  });
});

describe('the options page’s removal warning', () => {
  const words = (host: HTMLElement) => ({ title: host.querySelector('h2')?.textContent, text: host.querySelector('p')?.textContent });

  test('with sync on it says a copy is on the server: removing Tend deletes this browser’s copy, the server’s stays', async () => {
    answers.getSyncStatus = ON;
    const host = await mount(<RemovalWarning />);
    expect(words(host)).toEqual({
      title: 'Removing Tend deletes this browser’s copy',
      text: 'Sync is on: a copy of what Tend keeps is on your server, https://couch.example. If you remove the extension, Chrome deletes this browser’s copy with no way back; the server’s copy stays, and your other devices keep theirs. A backup file is still worth keeping.',
    });
    expect(host.textContent).not.toContain('lives only in this browser');
  });

  test('with sync off it says everything lives only in this browser profile', async () => {
    const host = await mount(<RemovalWarning />);
    expect(sent).toEqual(['getSyncStatus']);
    expect(words(host)).toEqual({
      title: 'Removing Tend deletes your data',
      text: 'Everything Tend keeps lives only in this browser profile. If you remove the extension, Chrome deletes it all, with no way back. Keep a backup.',
    });
  });
});
