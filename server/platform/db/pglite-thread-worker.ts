import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Request, Response, SerializedError, WorkerData } from './pglite-thread-protocol.ts';

// The embedded database on a thread of its own (docs/decisions/029-embedded-database-thread.md).
// PGlite runs Postgres compiled to WebAssembly, and a statement holds the thread it runs on until
// it ends; here that is this thread, so the server's own thread goes on reading and writing its
// sockets meanwhile. Each request is answered once; a transaction is begun here, its statements
// run on it as they come, and it ends when the main thread says commit or roll back.

const port = parentPort;
if (!port) throw new Error('pglite-thread-worker.ts runs as a worker thread.');
const { dataDir } = workerData as WorkerData;

class RollBack extends Error {}

const textParser = (value: string) => value;

function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: Record<string, unknown> = { name: error.name };
  for (const [key, value] of Object.entries(error)) {
    // The failing statement's text and parameters stay here: they can be large, and are the
    // caller's anyway.
    if (key === 'query' || key === 'params') continue;
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { message: error.message, fields };
}

const database = await PGlite.create(dataDir);
const transactions = new Map<number, Transaction>();
const endings = new Map<number, (commit: boolean) => void>();
let nextTransactionId = 1;

function executorOf(transactionId: number | null): PGlite | Transaction {
  if (transactionId === null) return database;
  const transaction = transactions.get(transactionId);
  if (!transaction) throw new Error(`No transaction ${transactionId} is open.`);
  return transaction;
}

const ends = new Map<number, Promise<void>>();

/** Begins a transaction; resolves with its id once it holds the database. */
function begin(): Promise<number> {
  const transactionId = nextTransactionId++;
  return new Promise((begun, failed) => {
    const ended = database
      .transaction(async (transaction) => {
        transactions.set(transactionId, transaction);
        const commit = await new Promise<boolean>((resolve) => {
          endings.set(transactionId, resolve);
          begun(transactionId);
        });
        if (!commit) throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      })
      .finally(() => {
        transactions.delete(transactionId);
        endings.delete(transactionId);
      });
    ends.set(transactionId, ended);
    // Before it has begun, a failure is the beginning's; after, the end reports it.
    ended.catch(failed);
  });
}

async function answer(request: Request): Promise<unknown> {
  switch (request.kind) {
    case 'query': {
      const parsers = Object.fromEntries(request.textTypes.map((type) => [type, textParser]));
      return executorOf(request.transactionId).query(request.sql, request.params, {
        rowMode: request.rowMode,
        parsers,
      });
    }
    case 'exec':
      return executorOf(request.transactionId).exec(request.sql);
    case 'begin':
      return begin();
    case 'end': {
      const ended = ends.get(request.transactionId);
      endings.get(request.transactionId)?.(request.commit);
      ends.delete(request.transactionId);
      await ended;
      return null;
    }
    case 'close':
      await database.close();
      return null;
  }
}

port.on('message', (request: Request) => {
  answer(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies Response),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: serializeError(error),
      } satisfies Response),
  );
});
port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies Response);
