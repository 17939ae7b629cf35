import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../db/test-database.ts';
import { JobQueue } from './queue.ts';
import { jobs } from './schema.ts';

const log = pino({ level: 'silent' });
const noWait = () => 0;

let testDatabase: TestDatabase;
let target: DatabaseTarget;
let database: DatabaseHandle;

// On-disk PGlite (or a fresh PostgreSQL database), so that a test can close it and open it again.
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  target = testDatabase.url
    ? { kind: 'postgresql', url: testDatabase.url, poolSize: 4 }
    : {
        kind: 'embedded',
        dataDir: mkdtempSync(join(tmpdir(), 'restorativ-jobs-')),
        purpose: 'test',
      };
  database = await openDatabase(target);
  await database.migrate();
});

afterAll(async () => {
  await database.close();
  await testDatabase.drop();
});

let counter = 0;
const uniqueName = (label: string) => `${label}-${++counter}`;

function queue(): JobQueue {
  return new JobQueue(database.db, log, { pollIntervalMs: 20 });
}

async function rowOf(id: number | undefined) {
  const [row] = await database.db
    .select()
    .from(jobs)
    .where(eq(jobs.id, id ?? -1));
  return row;
}

describe('the job queue', () => {
  it('runs a job with its payload and marks it succeeded', async () => {
    const received: string[] = [];
    const jobsQueue = queue();
    const name = uniqueName('greet');
    jobsQueue.define({
      name,
      payload: z.object({ to: z.string() }),
      handler: async ({ to }) => {
        received.push(to);
      },
    });
    const id = await jobsQueue.enqueue(name, { to: 'Ana' });
    expect(await jobsQueue.runDue()).toBe(1);
    expect(received).toEqual(['Ana']);
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('refuses to enqueue a payload its job does not accept', async () => {
    const jobsQueue = queue();
    const name = uniqueName('typed');
    jobsQueue.define({ name, payload: z.object({ count: z.number() }), handler: async () => {} });
    await expect(jobsQueue.enqueue(name, { count: 'many' })).rejects.toThrow();
  });

  it('retries a failing job after a backoff, then succeeds', async () => {
    const jobsQueue = queue();
    const name = uniqueName('flaky');
    let calls = 0;
    jobsQueue.define({
      name,
      payload: z.object({}),
      backoffMs: () => 150,
      handler: async () => {
        calls++;
        if (calls === 1) throw new Error('mail server busy');
      },
    });
    const id = await jobsQueue.enqueue(name, {});
    await jobsQueue.runDue();
    expect(await rowOf(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'mail server busy',
    });
    expect(await jobsQueue.runDue()).toBe(0); // the backoff has not passed
    await new Promise((resolve) => setTimeout(resolve, 200));
    await jobsQueue.runDue();
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('leaves a job failed, with its last error, after its last attempt', async () => {
    const jobsQueue = queue();
    const name = uniqueName('doomed');
    jobsQueue.define({
      name,
      payload: z.object({}),
      maxAttempts: 3,
      backoffMs: noWait,
      handler: async () => {
        throw new Error('recipient unknown');
      },
    });
    const id = await jobsQueue.enqueue(name, {});
    for (let attempt = 0; attempt < 5; attempt++) await jobsQueue.runDue();
    expect(await rowOf(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'recipient unknown',
    });
  });

  it('enqueues work with the same unique key only once while it is pending', async () => {
    const jobsQueue = queue();
    const name = uniqueName('reminder');
    jobsQueue.define({ name, payload: z.object({}), handler: async () => {} });
    const first = await jobsQueue.enqueue(name, {}, { uniqueKey: `${name}:case-7` });
    const second = await jobsQueue.enqueue(name, {}, { uniqueKey: `${name}:case-7` });
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeUndefined();
    await jobsQueue.runDue();
    expect(await jobsQueue.enqueue(name, {}, { uniqueKey: `${name}:case-7` })).toEqual(
      expect.any(Number),
    );
  });

  it('gives each job to exactly one of several workers', async () => {
    const name = uniqueName('shared');
    const ranBy = new Map<number, number>();
    const workers = [queue(), queue(), queue()];
    for (const [index, worker] of workers.entries()) {
      worker.define({
        name,
        payload: z.object({ n: z.number() }),
        handler: async ({ n }) => {
          ranBy.set(n, (ranBy.get(n) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, index));
        },
      });
    }
    for (let n = 0; n < 30; n++) await workers[0]?.enqueue(name, { n });
    const drain = async (worker: JobQueue) => {
      while ((await worker.runDue()) > 0);
    };
    await Promise.all(workers.map(drain));
    expect(ranBy.size).toBe(30);
    expect([...ranBy.values()].every((times) => times === 1)).toBe(true);
  });

  it('gives a job back when the process running it died, counting the attempt', async () => {
    const jobsQueue = new JobQueue(database.db, log, { pollIntervalMs: 20, leaseMs: 100 });
    const name = uniqueName('orphan');
    let ran = 0;
    jobsQueue.define({
      name,
      payload: z.object({}),
      handler: async () => {
        ran++;
      },
    });
    const id = await jobsQueue.enqueue(name, {});
    // As a process that claimed it and then died would leave it:
    await database.db
      .update(jobs)
      .set({
        status: 'running',
        attempts: 1,
        lockedAt: new Date(Date.now() - 1_000),
        lockedBy: 'gone',
      })
      .where(eq(jobs.id, id ?? -1));
    await jobsQueue.runDue();
    expect(ran).toBe(1);
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('runs a scheduled job after a restart, and a recurring one again after it', async () => {
    const name = uniqueName('nightly-purge');
    const before = queue();
    before.define({ name, payload: z.object({}), handler: async () => {} });
    await before.every(name, 60_000);
    await database.close();

    database = await openDatabase(target);
    let runs = 0;
    const after = queue();
    after.define({
      name,
      payload: z.object({}),
      handler: async () => {
        runs++;
      },
    });
    await after.every(name, 60_000); // what the process does at start: no second copy appears
    expect(await after.runDue()).toBe(0);
    const waiting = await database.db.select().from(jobs).where(eq(jobs.name, name));
    expect(waiting).toHaveLength(1);
    // The minute passes:
    await database.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1) })
      .where(eq(jobs.name, name));
    expect(await after.runDue()).toBe(1);
    expect(runs).toBe(1);
    const rows = await database.db.select().from(jobs).where(eq(jobs.name, name));
    expect(rows.map((row) => row.status).sort()).toEqual(['queued', 'succeeded']);
    const next = rows.find((row) => row.status === 'queued');
    expect(next?.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('polls on its own once started, and stops cleanly', async () => {
    const jobsQueue = queue();
    const name = uniqueName('background');
    const done = new Promise<void>((resolve) =>
      jobsQueue.define({ name, payload: z.object({}), handler: async () => resolve() }),
    );
    await jobsQueue.enqueue(name, {});
    jobsQueue.start();
    await done;
    await jobsQueue.stop();
  });
});
