import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { learnOwnAddresses, loadSettings, updateSettings } from '../../utils/storage/settings';

test('settings default when missing or unreadable', async () => {
  expect((await loadSettings()).ignoreAutomatedSenders).toBe(true);
  await fakeBrowser.storage.local.set({ settings: { version: 99, junk: true } });
  expect(await loadSettings()).toMatchObject({ version: 1, ownAddresses: [] });
});

test('settings stored before a field existed still load, with its default', async () => {
  await fakeBrowser.storage.local.set({ settings: { version: 1, ownAddresses: ['me@example.com'] } });
  expect(await loadSettings()).toEqual({
    version: 1,
    ownAddresses: ['me@example.com'],
    neverCapture: { addresses: [], domains: [], sites: [] },
    ignoreAutomatedSenders: true,
    tagCadences: {},
    passiveHistory: {},
  });
});

test('a learned address and an edit made at the same moment are both kept', async () => {
  await Promise.all([
    learnOwnAddresses(['Me@Example.com']),
    updateSettings((s) => ({ ...s, neverCapture: { ...s.neverCapture, domains: ['secret.example'] } })),
    learnOwnAddresses(['second@example.com', 'me@example.com']),
  ]);
  const settings = await loadSettings();
  expect(settings.ownAddresses).toEqual(['me@example.com', 'second@example.com']);
  expect(settings.neverCapture.domains).toEqual(['secret.example']);
});

test('a change that fails leaves the settings as they were and later changes still run', async () => {
  await updateSettings((s) => ({ ...s, ownAddresses: ['a@example.com'] }));
  await expect(updateSettings(() => ({ version: 2 }) as never)).rejects.toThrow();
  await updateSettings((s) => ({ ...s, ignoreAutomatedSenders: false }));
  expect(await loadSettings()).toMatchObject({ ownAddresses: ['a@example.com'], ignoreAutomatedSenders: false });
});
