import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

// Background work lives here, not in timers: a job survives a restart and is claimed by one
// process at a time (FOR UPDATE SKIP LOCKED).
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    // A schedule or a caller that must not enqueue the same work twice names it here.
    uniqueKey: text('unique_key'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: text('locked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    check(
      'jobs_status_known',
      sql`${table.status} in ('queued', 'running', 'succeeded', 'failed')`,
    ),
    check('jobs_attempts_in_range', sql`${table.attempts} >= 0 and ${table.maxAttempts} >= 1`),
    index('jobs_due').on(table.runAt).where(sql`${table.status} = 'queued'`),
    uniqueIndex('jobs_unique_pending')
      .on(table.uniqueKey)
      .where(sql`${table.uniqueKey} is not null and ${table.status} in ('queued', 'running')`),
  ],
);
