import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import type { Request, Response, SerializedError, WorkerData } from './pglite-thread-protocol.ts';

// The main thread's side of the embedded database on its own thread (pglite-thread-worker.ts):
// a client with the part of PGlite's interface that drizzle uses (query, exec, transaction), so
// that features see the same database either way (docs/decisions/029-embedded-database-thread.md).

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Outgoing = DistributiveOmit<Request, 'id'>;

export interface ThreadQueries {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  exec(sql: string): Promise<Results[]>;
}

export interface PgliteThread extends ThreadQueries {
  transaction<T>(callback: (transaction: ThreadQueries) => Promise<T>): Promise<T>;
  readonly closed: boolean;
  close(): Promise<void>;
}

function errorOf(serialized: SerializedError): Error {
  return Object.assign(new Error(serialized.message), serialized.fields);
}

/** The type ids whose parser a query's options ask to keep as text: drizzle's way of saying so. */
function textTypesOf(options: QueryOptions | undefined): number[] {
  const keepsText = (parser: (value: string, type: number) => unknown, type: number) => {
    try {
      return parser('x', type) === 'x';
    } catch {
      return false;
    }
  };
  return Object.entries(options?.parsers ?? {}).flatMap(([type, parser]) =>
    keepsText(parser, Number(type)) ? [Number(type)] : [],
  );
}

export async function openPgliteThread(dataDir: string): Promise<PgliteThread> {
  const worker = new Worker(new URL('./pglite-thread-worker.ts', import.meta.url), {
    workerData: { dataDir } satisfies WorkerData,
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let closed = false;
  let failure: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (response: Response) => {
    const waiter = waiting.get(response.id);
    if (!waiter) return;
    waiting.delete(response.id);
    if (response.ok) waiter.resolve(response.value);
    else waiter.reject(errorOf(response.error));
  });
  const fail = (error: Error) => {
    failure = error;
    closed = true;
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closed || waiting.size > 0) fail(new Error(`The embedded database stopped (${code}).`));
    closed = true;
  });

  function send<T>(request: Outgoing): Promise<T> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  const queriesOn = (transactionId: number | null): ThreadQueries => ({
    query: <Row>(sql: string, params: unknown[] = [], options?: QueryOptions) =>
      send<Results<Row>>({
        kind: 'query',
        sql,
        params,
        rowMode: options?.rowMode ?? 'object',
        textTypes: textTypesOf(options),
        transactionId,
      }),
    exec: (sql: string) => send<Results[]>({ kind: 'exec', sql, transactionId }),
  });

  await ready;
  return {
    ...queriesOn(null),
    async transaction(callback) {
      const transactionId = await send<number>({ kind: 'begin' });
      let result: Awaited<ReturnType<typeof callback>>;
      try {
        result = await callback(queriesOn(transactionId));
      } catch (error) {
        await send({ kind: 'end', transactionId, commit: false }).catch(() => {});
        throw error;
      }
      await send({ kind: 'end', transactionId, commit: true });
      return result;
    },
    get closed() {
      return closed;
    },
    async close() {
      if (closed) return;
      await send({ kind: 'close' });
      closed = true;
      await worker.terminate();
    },
  };
}
