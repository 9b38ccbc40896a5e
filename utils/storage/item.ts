/**
 * Typed chrome.storage items, through WXT's storage (wxt/utils/storage). Each value Tend keeps
 * outside IndexedDB is declared once in this folder, with its key, area and schema; nothing else
 * touches chrome.storage (tests/unit/storage-items.test.ts checks).
 */
import { storage, type StorageArea, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';

/** A value kept in chrome.storage, checked by its schema on every read. */
export interface StoredItem<T> {
  /** `area:key` as WXT writes it; the part after the area is the chrome.storage key. */
  readonly key: StorageItemKey;
  /** The stored value; undefined when there is none or it does not fit the schema. */
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Call `listener` with each new value (undefined once removed or unreadable); returns the function that stops it. */
  watch(listener: (value: T | undefined) => void): () => void;
}

export interface StoredItemOptions {
  /** Told when a stored value fails the schema (the read then answers undefined). */
  onUnreadable?: (error: z.ZodError) => void;
}

// Version 1 is the format each key had before it was declared here: WXT reads a value without a
// `<key>$` version record as version 1, so what users already have is read as it is, and nothing
// extra is written. A later format raises the version and adds a migration, which WXT runs when
// the item is defined.
const FORMAT_VERSION = 1;

/** Declare one stored value: its `area:key` (kept exactly as earlier versions wrote it) and schema. */
export function storedItem<S extends z.ZodType>(key: StorageItemKey, schema: S, options: StoredItemOptions = {}): StoredItem<z.output<S>> {
  const item = storage.defineItem<unknown>(key, { version: FORMAT_VERSION });
  const read = (value: unknown): z.output<S> | undefined => {
    if (value === null || value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) options.onUnreadable?.(parsed.error);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    key,
    get: async () => read(await item.getValue()),
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (listener) => item.watch((value) => listener(read(value))),
  };
}

/** One stored value per tab, under `<prefix><tabId>` (a draft per tab, the people on each tab). */
export interface PerTabItems<T> {
  /** The tab's item. */
  of(tabId: number): StoredItem<T>;
  /** Every tab's readable value, in one read of the whole area (at worker start). */
  all(): Promise<Map<number, T>>;
}

/** Declare a value kept per tab: `prefix` is `area:name:`, e.g. `session:tab:` for the key `tab:12`. */
export function perTabItems<S extends z.ZodType>(prefix: `${StorageArea}:${string}:`, schema: S): PerTabItems<z.output<S>> {
  const area = prefix.slice(0, prefix.indexOf(':')) as StorageArea;
  const keyPrefix = prefix.slice(area.length + 1);
  // Defining an item reads its key once; kept per tab so a draft saved on every keystroke does
  // not read it again each time. A worker or page lives for few tabs, so the map stays small.
  const items = new Map<number, StoredItem<z.output<S>>>();
  return {
    of(tabId) {
      let item = items.get(tabId);
      if (!item) items.set(tabId, (item = storedItem(`${prefix}${tabId}`, schema)));
      return item;
    },
    async all() {
      const values = new Map<number, z.output<S>>();
      for (const [key, value] of Object.entries(await storage.snapshot(area))) {
        const tabId = key.startsWith(keyPrefix) ? key.slice(keyPrefix.length) : '';
        const parsed = /^\d+$/.test(tabId) ? schema.safeParse(value) : undefined;
        if (parsed?.success) values.set(Number(tabId), parsed.data);
      }
      return values;
    },
  };
}
