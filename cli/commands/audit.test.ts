import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { auditEvents } from '../../server/platform/audit/schema.ts';
import { recordAudit } from '../../server/platform/audit/service.ts';
import { statementRead, withAuditTriggersBypassed } from '../../server/platform/audit/testing.ts';
import {
  type Database,
  type DatabaseTarget,
  embeddedDataPath,
  openDatabase,
} from '../../server/platform/db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../../server/platform/db/test-database.ts';
import { repositoryRoot } from '../../server/platform/paths.ts';

// The command as an operator runs it: a separate process, on an embedded data directory, or on
// a fresh PostgreSQL database when the test run has DATABASE_URL.

function restorativ(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ['cli/restorativ.ts', ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each test starts the command line as its own process, which loads the whole server and opens
// the database: on a busy two-core machine one such start can take twenty seconds.
vi.setConfig({ testTimeout: 120_000 });

const created: TestDatabase[] = [];
afterAll(async () => {
  for (const database of created) await database.drop();
});

/** A migrated database of its own, and the settings that point the command line at it. */
async function installation() {
  const testDatabase = await createTestDatabase();
  created.push(testDatabase);
  const dataDir = mkdtempSync(join(tmpdir(), 'restorativ-cli-audit-'));
  if (!testDatabase.url) {
    // A copy of the migrated template, as `restorativ restore` would lay it: no initdb to wait for.
    const template = new Blob([readFileSync(inject('embeddedTemplate'))]);
    const engine = await PGlite.create(embeddedDataPath(dataDir), { loadDataDir: template });
    await engine.close();
  }
  const env = testDatabase.url ? { DATABASE_URL: testDatabase.url } : { DATA_DIR: dataDir };
  const target: DatabaseTarget = testDatabase.url
    ? { kind: 'postgresql', url: testDatabase.url, poolSize: 2 }
    : { kind: 'embedded', dataDir, purpose: 'test' };
  // The embedded database admits one process at a time: the test lets go before the command runs.
  const withDatabase = async (work: (db: Database) => Promise<unknown>) => {
    const database = await openDatabase(target);
    try {
      await database.migrate();
      await work(database.db);
    } finally {
      await database.close();
    }
  };
  return { env, withDatabase };
}

describe('restorativ audit verify', () => {
  it('says the trail is intact, with how many events it checked, and exits 0', async () => {
    const { env, withDatabase } = await installation();
    await withDatabase(async (db) => {
      for (let n = 0; n < 3; n++) await recordAudit(db, statementRead());
    });
    const result = restorativ(['audit', 'verify'], env);
    expect(result.code).toBe(0);
    expect(result.out).toContain('The audit trail is intact: 3 events checked.');
    expect(result.out).toMatch(/The latest is event 3, hash [0-9a-f]{64}\./);
  });

  it('names the altered event and exits 1', async () => {
    const { env, withDatabase } = await installation();
    await withDatabase(async (db) => {
      for (let n = 0; n < 4; n++) await recordAudit(db, statementRead());
      await withAuditTriggersBypassed(db, (tx) =>
        tx.update(auditEvents).set({ outcome: 'denied' }).where(eq(auditEvents.seq, 2)),
      );
    });
    const result = restorativ(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'The audit trail has been tampered with: event 2 was altered (its contents no longer match its hash).',
    );
    expect(result.out).not.toContain('intact');
  });

  it('names the missing event and exits 1', async () => {
    const { env, withDatabase } = await installation();
    await withDatabase(async (db) => {
      for (let n = 0; n < 5; n++) await recordAudit(db, statementRead());
      await withAuditTriggersBypassed(db, (tx) =>
        tx.delete(auditEvents).where(eq(auditEvents.seq, 3)),
      );
    });
    const result = restorativ(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'The audit trail has been tampered with: event 3 is missing (the trail goes from event 2 to event 4).',
    );
  });

  it('asks for a migration on a database from before the audit trail, and exits 2', async () => {
    const { env, withDatabase } = await installation();
    await withDatabase((db) => db.execute(sql`drop table audit_events, audit_trail_anchor`));
    const result = restorativ(['audit', 'verify'], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain('This database has no audit trail yet.');
  });

  it('answers an unknown audit command with its usage and exits 2', async () => {
    const result = restorativ(['audit', 'rewrite'], { DATA_DIR: '/nowhere' });
    expect(result.code).toBe(2);
    expect(result.err).toContain('Unknown audit command "rewrite".');
    expect(result.err).toContain('Usage: restorativ audit verify');
  });
});
