// What the server's main thread and the embedded database's thread say to each other
// (pglite-thread.ts, pglite-thread-worker.ts): queries, and the start and end of transactions.
// Only plain data crosses: a query's type parsers are named by the type ids to leave as text.

export type Request =
  | {
      id: number;
      kind: 'query';
      sql: string;
      params: unknown[];
      rowMode: 'array' | 'object';
      /** Types whose values stay as the database's text (timestamps, dates, intervals). */
      textTypes: number[];
      transactionId: number | null;
    }
  | { id: number; kind: 'exec'; sql: string; transactionId: number | null }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; transactionId: number; commit: boolean }
  | { id: number; kind: 'close' };

export interface SerializedError {
  message: string;
  /** The database error's own fields: code, detail, constraint, table, ... */
  fields: Record<string, unknown>;
}

export type Response =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

export interface WorkerData {
  dataDir: string;
}
