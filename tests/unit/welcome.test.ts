import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall } from '../../entrypoints/background/welcome';

let created: string[];
beforeEach(() => {
  created = [];
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async ({ url }: { url?: string }) => {
    created.push(url ?? '');
    return { id: 1 };
  }) as never);
});

test('a first install opens the welcome page', async () => {
  expect(await openWelcomeOnInstall({ reason: 'install' })).toEqual({ reason: 'install', welcomeOpened: true });
  expect(created).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
});

test.each(['update', 'chrome_update', 'shared_module_update'] as const)('%s opens nothing, even as the first event', async (reason) => {
  expect(await openWelcomeOnInstall({ reason })).toEqual({ reason, welcomeOpened: false });
  expect(created).toEqual([]);
});

test('"install" reported again for the same data (a --load-extension start) opens nothing the second time', async () => {
  await openWelcomeOnInstall({ reason: 'install' });
  expect(await openWelcomeOnInstall({ reason: 'install' })).toEqual({ reason: 'install', welcomeOpened: false });
  expect(created).toHaveLength(1);
});

test('after its data was erased (Chrome removes it with the extension), an install welcomes again', async () => {
  await openWelcomeOnInstall({ reason: 'install' });
  await fakeBrowser.storage.local.clear();
  expect(await openWelcomeOnInstall({ reason: 'install' })).toEqual({ reason: 'install', welcomeOpened: true });
  expect(created).toHaveLength(2);
});
