import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Contact, FollowUp, Identity, Interaction } from '../model/records';
import type { ChangeRecord, IdentityRecord, SnapshotRecord, TimelineLink } from '../model/rows';
import type { ImportRecord } from '../model/import';
import type { MergeRecord } from '../model/merge';
import type { DraftRecord } from '../model/drafts';
import type { SettingsRecord } from './settings-repo';
import type { SyncBaseRecord } from './sync-repo';
import type { RestoreBatchRecord } from './restores-repo';

export type { IdentityRecord, TimelineLink };

/** Tend's IndexedDB layout. Version history lives in open.ts; released steps are never edited. */
export interface TendDB extends DBSchema {
  contacts: { key: string; value: Contact; indexes: { 'by-updated': number } };
  identities: { key: string; value: IdentityRecord; indexes: { 'by-contact': string } };
  interactions: { key: string; value: Interaction; indexes: { 'by-dedupe': string; 'by-at': number } };
  timeline: { key: [string, number, string]; value: TimelineLink };
  followUps: { key: string; value: FollowUp; indexes: { 'by-contact': string; 'by-due': number } };
  /** v2: one record per applied import, with what it added and changed, so it can be undone. */
  imports: { key: string; value: ImportRecord; indexes: { 'by-at': number } };
  /** v3: one record per merge of two people, with what moved, so it can be undone. */
  merges: { key: string; value: MergeRecord; indexes: { 'by-at': number } };
  /** v4: every change to the user's records, in order (see ChangeRecord). */
  changes: { key: number; value: ChangeRecord };
  /** v4: saved states of in-memory indexes, by name, with the last change they include. */
  snapshots: { key: string; value: SnapshotRecord };
  /** v5: text typed and not yet saved, by what it is about (see utils/model/drafts.ts). */
  drafts: { key: string; value: DraftRecord; indexes: { 'by-updated': number } };
  /** v6: the user's settings (own addresses, never-record lists, cadences...), by name. */
  settings: { key: string; value: SettingsRecord };
  /** v7: sync's bases, the version of each record Tend and the local replica last agreed on, by document id. */
  syncBases: { key: string; value: SyncBaseRecord };
  /** v8: what each batch of a restore under way added, by restore and batch (see RestoreBatchRecord). */
  restores: { key: [string, number]; value: RestoreBatchRecord };
}

export type TendDatabase = IDBPDatabase<TendDB>;
export type StoreName = StoreNames<TendDB>;
// Repos take a transaction over any stores (StoreName[]); callers open theirs with an array of
// names, so idb types `tx.store` the same way for both.
export type ReadTx = IDBPTransaction<TendDB, StoreName[], IDBTransactionMode>;
export type WriteTx = IDBPTransaction<TendDB, StoreName[], 'readwrite'>;

/** The identity index key of an identity. */
export const identityKey = (identity: Identity): string => `${identity.kind}:${identity.value}`;

/** A read transaction typed for the repos (see ReadTx). */
export const readTx = (db: TendDatabase, stores: StoreName[]): ReadTx => db.transaction(stores, 'readonly');
// Every write transaction is opened by the commit path, which logs and announces what it changed.
export { writeTx } from './commit';
