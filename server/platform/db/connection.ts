import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { StartupError } from '../startup-error.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';

/** One type for both drivers: features never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'embedded' | 'postgresql';
  /** The embedded engine itself, for backup and restore; absent on PostgreSQL. */
  pglite?: PGlite;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgresql'; url: string; poolSize: number }
  | { kind: 'embedded'; dataDir: string; purpose: string }
  | { kind: 'embedded-in-memory'; template?: Blob };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any fixed number shared by every Restorativ process: only one of them migrates at a time.
const MIGRATION_LOCK_KEY = 7_346_021;

export function embeddedDataPath(dataDir: string): string {
  return join(dataDir, 'pglite');
}

export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgresql'
    ? openPostgres(target.url, target.poolSize)
    : openPglite(target);
}

async function openPglite(
  target: Exclude<DatabaseTarget, { kind: 'postgresql' }>,
): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (target.kind === 'embedded') {
    lock = lockDataDir(target.dataDir, target.purpose);
    try {
      client = await PGlite.create(embeddedDataPath(target.dataDir));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create(target.template ? { loadDataDir: target.template } : {});
  }
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    db,
    kind: 'embedded',
    pglite: client,
    async migrate() {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its connection must not take the process down; the next query
  // gets a fresh one.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Setting DATABASE_URL: cannot connect to PostgreSQL at ${describePostgresUrl(url)} (${reason}).`,
    );
  }
  const db = drizzleNodePg({ client: pool }) as unknown as Database;
  return {
    db,
    kind: 'postgresql',
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}
