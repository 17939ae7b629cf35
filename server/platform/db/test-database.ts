import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** A fresh, empty PostgreSQL database; undefined when tests run on the embedded database. */
  url: string | undefined;
  drop(): Promise<void>;
}

// Tests run on a fresh database each: in-memory PGlite by default, or, when DATABASE_URL is set
// (as CI sets it), a new database on that PostgreSQL server, dropped afterwards.
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `restorativ_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await withAdminClient(serverUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
