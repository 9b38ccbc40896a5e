// Every unit and DOM test starts from an empty IndexedDB and a fresh fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './i18n';
import { installFakePorts } from './fake-ports';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no i18n: answer from the real English messages, as Chrome would.
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  installFakePorts();
  vi.stubGlobal('indexedDB', new IDBFactory());
});
