import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { auditEvents, auditTrailAnchor } from './schema.ts';
import { recordAudit, verifyAuditChain } from './service.ts';
import { errorMessages, statementRead, withAuditTriggersBypassed } from './testing.ts';

// Against a real database: in-memory PGlite from the migrated template, or a fresh PostgreSQL
// database when DATABASE_URL is set. Each test gets its own, so each starts at event 1.

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

interface Fresh {
  database: DatabaseHandle;
  /** Another handle on the same database, as a second server process has; PostgreSQL only. */
  openAnother(): Promise<DatabaseHandle | undefined>;
}

async function freshDatabase(): Promise<Fresh> {
  const testDatabase = await createTestDatabase();
  const url = testDatabase.url;
  opened.push(() => testDatabase.drop());
  const open = async () => {
    const handle = await openDatabase(
      url
        ? { kind: 'postgresql', url, poolSize: 5 }
        : {
            kind: 'embedded-in-memory',
            template: new Blob([readFileSync(inject('embeddedTemplate'))]),
          },
    );
    opened.push(() => handle.close());
    return handle;
  };
  const database = await open();
  await database.migrate();
  return { database, openAnother: async () => (url ? open() : undefined) };
}

async function recordMany(database: DatabaseHandle, count: number) {
  for (let n = 1; n <= count; n++) {
    await recordAudit(database.db, statementRead({ targetId: `statement_${n}` }));
  }
}

const verdictOf = (database: DatabaseHandle) => verifyAuditChain(database.db);

describe('recording audit events', () => {
  it('appends events in a numbered chain and finds the trail intact', async () => {
    const { database } = await freshDatabase();
    const first = await recordAudit(database.db, statementRead());
    await recordAudit(database.db, {
      actorKind: 'anonymous',
      action: 'auth.sign_in_failed',
      outcome: 'failed',
      details: { reason: 'wrong_password', attempt: 3 },
    });
    const third = await recordAudit(database.db, {
      actorKind: 'system',
      action: 'jobs.retention.purged',
      outcome: 'succeeded',
    });

    const rows = await database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ actorId: 'person_facilitator_1', targetId: 'statement_42' });
    expect(rows[1]).toMatchObject({ actorId: null, details: { attempt: 3 } });
    expect(rows[1]?.prevHash).toBe(first.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
    expect(await verdictOf(database)).toEqual({
      ok: true,
      checked: 3,
      latest: { seq: 3, hash: third.hash },
    });
  });

  it('finds an empty trail intact', async () => {
    const { database } = await freshDatabase();
    expect(await verdictOf(database)).toEqual({ ok: true, checked: 0, latest: undefined });
  });

  it('refuses an event that would put a name or a statement where ids belong', async () => {
    const { database } = await freshDatabase();
    const refusals = [
      statementRead({ actorId: null }),
      statementRead({ action: 'Read statement' }),
      statementRead({ targetId: null }),
      statementRead({ details: { statement: 'He pushed me against the car and…'.repeat(10) } }),
    ];
    for (const event of refusals) {
      await expect(recordAudit(database.db, event)).rejects.toThrow(/Invalid audit event/);
    }
    expect(await database.db.select().from(auditEvents)).toEqual([]);
  });

  it('commits an event with the change it records, or not at all', async () => {
    const { database } = await freshDatabase();
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(database.db, statementRead({ action: 'case.closed' }), tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.select().from(auditEvents)).toEqual([]);

    await database.db.transaction(async (tx) => {
      await recordAudit(database.db, statementRead({ action: 'case.closed' }), tx);
    });
    const rows = await database.db.select().from(auditEvents);
    expect(rows.map((row) => [row.seq, row.action])).toEqual([[1, 'case.closed']]);
    expect(await verdictOf(database)).toMatchObject({ ok: true, checked: 1 });
  });

  it('keeps the chain gapless when many appends race, from every handle the database allows', async () => {
    const fresh = await freshDatabase();
    const another = await fresh.openAnother();
    // PostgreSQL: two pools, as two server processes. The embedded database has one handle.
    const handles = another ? [fresh.database, another] : [fresh.database];
    const appends = Array.from({ length: 50 }, (_, n) => {
      const handle = handles[n % handles.length] as DatabaseHandle;
      return recordAudit(handle.db, statementRead({ requestId: `req_${n}` }));
    });
    const recorded = await Promise.all(appends);
    expect(recorded.map((event) => event.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, n) => n + 1),
    );
    const rows = await fresh.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(new Set(rows.map((row) => row.requestId)).size).toBe(50);
    expect(await verdictOf(fresh.database)).toMatchObject({ ok: true, checked: 50 });
  });
});

describe('the append-only rule', () => {
  it('refuses to change, delete or truncate audit events, saying why', async () => {
    const { database } = await freshDatabase();
    await recordMany(database, 2);
    const attempts = {
      UPDATE: database.db
        .update(auditEvents)
        .set({ outcome: 'denied' })
        .where(eq(auditEvents.seq, 1)),
      DELETE: database.db.delete(auditEvents).where(eq(auditEvents.seq, 2)),
      TRUNCATE: database.db.execute(sql`truncate audit_events`),
    };
    for (const [operation, attempt] of Object.entries(attempts)) {
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(errorMessages(error)).toContain(
        `The audit trail is append-only: ${operation} on audit_events is not allowed.`,
      );
    }
    expect(await verdictOf(database)).toMatchObject({ ok: true, checked: 2 });
  });

  it('refuses to move the recorded end of the trail by hand, or to append out of turn', async () => {
    const { database } = await freshDatabase();
    await recordMany(database, 3);
    const moveEnd = database.db.update(auditTrailAnchor).set({ lastSeq: 2 });
    const forged = database.db.insert(auditEvents).values({
      seq: 9,
      occurredAt: new Date(),
      actorKind: 'system',
      action: 'case.deleted',
      outcome: 'succeeded',
      details: {},
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    });
    expect(errorMessages(await moveEnd.catch((error: unknown) => error))).toContain(
      'The audit trail anchor moves only when an event is appended: UPDATE is not allowed.',
    );
    expect(errorMessages(await forged.catch((error: unknown) => error))).toContain(
      'Audit event 9 does not follow the latest event of the audit trail.',
    );
    expect(await verdictOf(database)).toMatchObject({ ok: true, checked: 3 });
  });

  it('ships the append-only rules of append-only.sql as a migration, unchanged', () => {
    const rules = readFileSync(new URL('./append-only.sql', import.meta.url), 'utf8').trim();
    const folder = fileURLToPath(new URL('../db/migrations/', import.meta.url));
    const migrations = readdirSync(folder).filter((name) => name.endsWith('.sql'));
    const carrying = migrations.filter((name) =>
      readFileSync(`${folder}${name}`, 'utf8').includes(rules),
    );
    expect(carrying).toHaveLength(1);
  });
});

describe('verifying the audit trail', () => {
  it('catches an altered event, and after repair a deleted one, each at its position', async () => {
    const { database } = await freshDatabase();
    await recordMany(database, 12);
    const [original] = await database.db.select().from(auditEvents).where(eq(auditEvents.seq, 4));

    await withAuditTriggersBypassed(database.db, (tx) =>
      tx.update(auditEvents).set({ targetId: 'statement_99' }).where(eq(auditEvents.seq, 4)),
    );
    expect(await verdictOf(database)).toEqual({
      ok: false,
      checked: 3,
      problem: {
        kind: 'altered',
        seq: 4,
        message: 'event 4 was altered (its contents no longer match its hash)',
      },
    });

    await withAuditTriggersBypassed(database.db, (tx) =>
      tx.update(auditEvents).set({ targetId: original?.targetId }).where(eq(auditEvents.seq, 4)),
    );
    expect(await verdictOf(database)).toMatchObject({ ok: true, checked: 12 });

    await withAuditTriggersBypassed(database.db, (tx) =>
      tx.delete(auditEvents).where(eq(auditEvents.seq, 7)),
    );
    expect(await verdictOf(database)).toEqual({
      ok: false,
      checked: 6,
      problem: {
        kind: 'missing',
        seq: 7,
        message: 'event 7 is missing (the trail goes from event 6 to event 8)',
      },
    });
  });

  it('catches the latest events removed from the end, where they leave no gap', async () => {
    const { database } = await freshDatabase();
    await recordMany(database, 5);
    await withAuditTriggersBypassed(database.db, (tx) =>
      tx.delete(auditEvents).where(sql`${auditEvents.seq} >= 4`),
    );
    expect(await verdictOf(database)).toMatchObject({
      ok: false,
      problem: { kind: 'missing', seq: 4 },
    });
  });

  it('reports a removed anchor, and refuses to append until it is put back', async () => {
    const { database } = await freshDatabase();
    await recordMany(database, 2);
    await withAuditTriggersBypassed(database.db, (tx) => tx.delete(auditTrailAnchor));
    expect(await verdictOf(database)).toMatchObject({
      ok: false,
      problem: {
        kind: 'missing',
        message: 'the record of where the trail starts and ends was removed',
      },
    });
    await expect(recordAudit(database.db, statementRead())).rejects.toThrow(/no anchor row/);
  });

  it('checks the trail a batch at a time and still finds a problem deep inside it', async () => {
    const { database } = await freshDatabase();
    await recordMany(database, 23);
    expect(await verifyAuditChain(database.db, { batchSize: 5 })).toMatchObject({
      ok: true,
      checked: 23,
    });
    await withAuditTriggersBypassed(database.db, (tx) =>
      tx
        .update(auditEvents)
        .set({ details: { caseId: 'case_8' } })
        .where(eq(auditEvents.seq, 17)),
    );
    expect(await verifyAuditChain(database.db, { batchSize: 5 })).toMatchObject({
      ok: false,
      checked: 16,
      problem: { kind: 'altered', seq: 17 },
    });
  });
});
