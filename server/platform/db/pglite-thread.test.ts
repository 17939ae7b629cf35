import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './connection.ts';
import { isUniqueViolation } from './errors.ts';
import { queryRows } from './rows.ts';

// The embedded database on its own thread, as a server opens it: the same answers as on the
// caller's thread, transactions that commit or roll back whole, and errors that keep their code.

describe('the embedded database on its own thread', () => {
  let dataDir: string;
  let database: DatabaseHandle;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'restorativ-thread-'));
    database = await openDatabase({ kind: 'embedded', dataDir, purpose: 'test', thread: true });
    await database.db.execute(
      sql`create table notes (id int primary key, body text not null, at timestamptz not null default now(), day date)`,
    );
  });

  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers queries with parameters, and leaves times and days as the database wrote them', async () => {
    await database.db.execute(
      sql`insert into notes (id, body, day) values (${1}, ${'first'}, ${'2026-11-27'})`,
    );
    const rows = await queryRows<{ id: number; body: string; day: string }>(
      database.db,
      sql`select id, body, day from notes where id = ${1}`,
    );
    expect(rows).toEqual([{ id: 1, body: 'first', day: '2026-11-27' }]);
  });

  it('keeps a committed transaction, and none of one whose work fails', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (2, 'kept')`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes (id, body) values (3, 'lost')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await queryRows<{ id: number }>(
      database.db,
      sql`select id from notes order by id`,
    );
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('tells a broken unique rule by its code, and the database goes on working', async () => {
    const failure = await database.db
      .execute(sql`insert into notes (id, body) values (1, 'again')`)
      .catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    const rows = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from notes`,
    );
    expect(rows[0]?.count).toBe(2);
  });

  it('runs a statement from outside a transaction only after the transaction ends', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (4, 'inside')`);
      await held;
      await tx.execute(sql`update notes set body = 'inside, done' where id = 4`);
    });
    const outside = queryRows<{ body: string }>(
      database.db,
      sql`select body from notes where id = 4`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await transaction;
    expect(await outside).toEqual([{ body: 'inside, done' }]);
  });

  it('keeps what was written when it is opened again', async () => {
    await database.close();
    database = await openDatabase({ kind: 'embedded', dataDir, purpose: 'test', thread: true });
    const rows = await queryRows<{ id: number }>(
      database.db,
      sql`select id from notes order by id`,
    );
    expect(rows.map((row) => row.id)).toEqual([1, 2, 4]);
  });
});
