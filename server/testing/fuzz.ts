import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Database } from '../platform/db/connection.ts';
import { queryRows } from '../platform/db/rows.ts';

// What the fuzz tests share: near-valid values, the shape of a refusal, and a snapshot of
// what is saved, to show that no refused request changed it.

/** Near-valid values find more than random ones: each field may be right, wrong or missing. */
export const maybe = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(value, fc.jsonValue(), fc.constant(undefined), fc.string());

/** An id as a path holds it: a well-formed one that names nothing, or any text at all. */
export const anyId = fc.oneof(fc.uuid({ version: 4 }), fc.string({ maxLength: 60 }));

export interface Answer {
  statusCode: number;
  body: string;
}

let clientCount = 0;
/**
 * A network address of its own for each generated request: fuzzing stands for many clients,
 * and from one address the rate limits would answer 429 before any input was read.
 */
export function nextClientAddress(): string {
  clientCount += 1;
  return `10.${(clientCount >> 16) & 255}.${(clientCount >> 8) & 255}.${clientCount & 255}`;
}

/** A 4xx with a readable body, never a 5xx nor a stack; a 400 names each field at fault. */
export function expectRefused(answer: Answer): void {
  const { statusCode, body } = answer;
  // A rate limit's 429 would mean the input was never looked at (an account's lock after wrong
  // passwords is a 429 too, and is an answer to the input).
  if (statusCode === 429) expect(body).not.toMatch(/Too many attempts/);
  expect(statusCode, body).toBeGreaterThanOrEqual(400);
  expect(statusCode, body).toBeLessThan(500);
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  if (statusCode !== 400) return;
  const { errors } = JSON.parse(body) as { errors?: { field: unknown; message: unknown }[] };
  expect(errors?.length, body).toBeGreaterThan(0);
  for (const error of errors ?? []) {
    expect(typeof error.field, body).toBe('string');
    expect(error.message, body).toEqual(expect.stringMatching(/\S/));
  }
}

/** Every row of the tables, in a stable order, to compare before and after. */
export async function snapshotOf(db: Database, tables: readonly string[]) {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    snapshot[table] = await queryRows(
      db,
      sql`select * from ${sql.identifier(table)} order by 1, 2`,
    );
  }
  return snapshot;
}

/** A path segment as a browser would send it. */
export const segment = (value: string) => encodeURIComponent(value);
