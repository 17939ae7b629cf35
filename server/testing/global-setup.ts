import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/connection.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty embedded database as an archive; each test file starts from a copy. */
    embeddedTemplate: string;
  }
}

// Creating an embedded database (initdb) takes seconds; loading a copy of one takes under one.
// So the migrated database is made once per run, and every test file loads its own copy.
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    // Tests get fresh PostgreSQL databases instead (see test-database.ts).
    project.provide('embeddedTemplate', '');
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'restorativ-template-'));
  const file = join(folder, 'migrated.tar');
  const database = await openDatabase({ kind: 'embedded-in-memory' });
  await database.migrate();
  // biome-ignore lint/style/noNonNullAssertion: an embedded handle always holds its engine.
  const archive = await database.pglite!.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
  await database.close();
  project.provide('embeddedTemplate', file);
  return () => rmSync(folder, { recursive: true, force: true });
}
