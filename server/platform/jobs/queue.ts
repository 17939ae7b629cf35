import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database, Transaction } from '../db/connection.ts';
import { queryRows } from '../db/rows.ts';

// A small PostgreSQL-backed job queue: claimed with FOR UPDATE SKIP LOCKED so that several
// processes share the work, retried with backoff, and left in 'failed' after its last attempt.
// Works the same on PGlite and PostgreSQL (see docs/decisions/004-jobs-in-postgres.md).

export interface JobContext {
  attempt: number;
  log: Logger;
}

export interface JobDefinition<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  handler(payload: Payload, context: JobContext): Promise<void>;
  maxAttempts?: number;
  /** Milliseconds to wait before the next attempt, after `attempt` attempts have failed. */
  backoffMs?(attempt: number): number;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** While a job with this key is queued or running, enqueueing another with it does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
  /** Enqueue inside the caller's transaction: the job exists only if the caller's work does. */
  tx?: Transaction;
}

export interface JobQueueOptions {
  pollIntervalMs: number;
  /** A running job whose process has not finished it after this long is given to another. */
  leaseMs?: number;
  batchSize?: number;
}

interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  unique_key: string | null;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const SCHEDULE_KEY_PREFIX = 'every:';

export function exponentialBackoff(attempt: number): number {
  return Math.min(1_000 * 2 ** (attempt - 1), 60 * 60 * 1_000);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
}

export class JobQueue {
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly schedules = new Map<string, number>();
  private readonly workerId =
    `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private readonly db: Database;
  private readonly log: Logger;
  private readonly options: Required<JobQueueOptions>;

  constructor(db: Database, log: Logger, options: JobQueueOptions) {
    this.db = db;
    this.log = log;
    this.options = { leaseMs: 5 * 60_000, batchSize: 5, ...options };
  }

  define<Payload>(definition: JobDefinition<Payload>): void {
    if (this.definitions.has(definition.name)) {
      throw new Error(`job ${definition.name} is defined twice`);
    }
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  async enqueue(
    name: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<number | undefined> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`job ${name} is not defined`);
    definition.payload.parse(payload);
    const runAt = options.runAt ?? new Date();
    const maxAttempts = options.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const rows = await queryRows<{ id: number }>(
      options.tx ?? this.db,
      sql`insert into jobs (name, payload, run_at, max_attempts, unique_key)
          values (${name}, ${JSON.stringify(payload)}::jsonb, ${runAt.toISOString()}::timestamptz,
                  ${maxAttempts}, ${options.uniqueKey ?? null})
          on conflict (unique_key)
            where unique_key is not null and status in ('queued', 'running')
          do nothing
          returning id`,
    );
    return rows[0] ? Number(rows[0].id) : undefined;
  }

  /** Runs a defined job every `intervalMs`, first after one interval; survives restarts. */
  async every(name: string, intervalMs: number, payload: unknown = {}): Promise<void> {
    this.schedules.set(name, intervalMs);
    await this.enqueue(name, payload, {
      runAt: new Date(Date.now() + intervalMs),
      uniqueKey: SCHEDULE_KEY_PREFIX + name,
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.scheduleNextPoll(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs the jobs that are due now; returns how many ran. */
  async runDue(): Promise<number> {
    const work = this.claimAndRun();
    this.running = work;
    try {
      return await work;
    } finally {
      if (this.running === work) this.running = undefined;
    }
  }

  private scheduleNextPoll(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      let ran = 0;
      try {
        ran = await this.runDue();
      } catch (error) {
        this.log.error({ err: error }, 'job polling failed');
      }
      // A full batch suggests more are waiting: look again at once.
      this.scheduleNextPoll(ran >= this.options.batchSize ? 0 : this.options.pollIntervalMs);
    }, delayMs);
    this.timer.unref();
  }

  private async claimAndRun(): Promise<number> {
    const names = [...this.definitions.keys()];
    if (names.length === 0) return 0;
    await this.releaseExpiredLeases();
    const claimed = await queryRows<ClaimedJob>(
      this.db,
      sql`update jobs
          set status = 'running', attempts = attempts + 1, locked_at = now(), locked_by = ${this.workerId}
          where id in (
            select id from jobs
            where status = 'queued' and run_at <= now() and name in ${names}
            order by run_at, id
            limit ${this.options.batchSize}
            for update skip locked)
          returning id, name, payload, attempts, max_attempts, unique_key`,
    );
    for (const job of claimed) await this.runOne(job);
    return claimed.length;
  }

  private async releaseExpiredLeases(): Promise<void> {
    const leaseSeconds = this.options.leaseMs / 1_000;
    await this.db.execute(
      sql`update jobs
          set status = case when attempts >= max_attempts then 'failed' else 'queued' end,
              last_error = 'the process running it stopped before it finished',
              locked_at = null, locked_by = null
          where status = 'running' and locked_at < now() - make_interval(secs => ${leaseSeconds})`,
    );
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const definition = this.definitions.get(job.name);
    const log = this.log.child({ job: job.name, jobId: Number(job.id), attempt: job.attempts });
    try {
      if (!definition) throw new Error(`job ${job.name} is not defined`);
      const payload = definition.payload.parse(job.payload);
      await definition.handler(payload, { attempt: job.attempts, log });
      await this.succeed(job);
    } catch (error) {
      const finalAttempt = job.attempts >= job.max_attempts;
      const delayMs = (definition?.backoffMs ?? exponentialBackoff)(job.attempts);
      log.warn(
        { err: error, finalAttempt },
        finalAttempt ? 'job failed for good' : 'job failed; will retry',
      );
      await this.db.transaction(async (tx) => {
        await tx.execute(
          sql`update jobs
              set status = ${finalAttempt ? 'failed' : 'queued'},
                  last_error = ${errorText(error)},
                  run_at = now() + make_interval(secs => ${delayMs / 1_000}),
                  locked_at = null, locked_by = null,
                  finished_at = ${finalAttempt ? sql`now()` : null}
              where id = ${job.id}`,
        );
        // A schedule goes on after a failed occurrence; the failure stays visible in its row.
        if (finalAttempt) await this.enqueueNextOccurrence(tx, job);
      });
    }
  }

  private async succeed(job: ClaimedJob): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(
        sql`update jobs set status = 'succeeded', finished_at = now(), locked_at = null, locked_by = null
            where id = ${job.id}`,
      );
      await this.enqueueNextOccurrence(tx, job);
    });
  }

  private async enqueueNextOccurrence(tx: Transaction, job: ClaimedJob): Promise<void> {
    if (!job.unique_key?.startsWith(SCHEDULE_KEY_PREFIX)) return;
    const intervalMs = this.schedules.get(job.name);
    if (intervalMs === undefined) return;
    await tx.execute(
      sql`insert into jobs (name, payload, run_at, max_attempts, unique_key)
          values (${job.name}, ${JSON.stringify(job.payload)}::jsonb,
                  now() + make_interval(secs => ${intervalMs / 1_000}), ${job.max_attempts}, ${job.unique_key})
          on conflict (unique_key)
            where unique_key is not null and status in ('queued', 'running')
          do nothing`,
    );
  }
}
