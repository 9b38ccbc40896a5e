// The part of PouchDB 9's API that Tend calls, typed here: the DefinitelyTyped packages declare a
// global `Buffer` interface that merges into Node's and breaks every Buffer in the tests.

declare module 'pouchdb-core' {
  /** A stored document: Tend's fields plus PouchDB's. */
  export interface Document {
    _id: string;
    _rev: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  export interface WriteResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    reason?: string;
  }
  export interface AllDocsRow {
    id: string;
    key: string;
    value: { rev: string; deleted?: boolean };
    doc?: Document | null;
    error?: string;
  }
  export interface AllDocsOptions {
    keys?: string[];
    startkey?: string;
    endkey?: string;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
  }
  export interface Change {
    id: string;
    seq: number | string;
    changes: { rev: string }[];
    doc?: Document;
    deleted?: boolean;
  }
  export interface ChangesOptions {
    since?: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    status: string;
  }
  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
    /** Start after this sequence of the source (written as the checkpoint first) instead of the saved checkpoint. */
    since?: number | string;
  }
  /** A running replication: its outcome, and a `change` event after each batch it wrote, with the documents written. */
  export interface Replication extends Promise<ReplicationResult> {
    on(event: 'change', listener: (batch: { docs: { _id: string }[] }) => void): this;
  }
  export interface Database {
    info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
    get<Fields extends object = object>(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<Document & Fields>;
    put(doc: object): Promise<WriteResult>;
    bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
    allDocs(options?: AllDocsOptions): Promise<{ rows: AllDocsRow[]; total_rows: number; offset: number }>;
    changes(options?: ChangesOptions): Promise<{ results: Change[]; last_seq: number | string }>;
    destroy(): Promise<unknown>;
    replicate: {
      to(target: Database, options?: ReplicateOptions): Replication;
      from(source: Database, options?: ReplicateOptions): Replication;
    };
  }
  export interface DatabaseOptions {
    adapter?: string;
    skip_setup?: boolean;
    fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  }
  /** An adapter or feature added with PouchDB.plugin. */
  export type Plugin = { readonly __pouchPlugin?: never } | ((pouch: unknown) => void);
  export interface Static {
    new (name: string, options?: DatabaseOptions): Database;
    plugin(plugin: Plugin): Static;
  }
  const PouchDB: Static;
  export default PouchDB;
}

// Adapters (http, indexeddb, memory) and replication are plugins for PouchDB.plugin().
declare module 'pouchdb-adapter-*' {
  const plugin: import('pouchdb-core').Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: import('pouchdb-core').Plugin;
  export default plugin;
}
