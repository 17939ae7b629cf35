import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../server/config.ts';
import { auditImport, storePolisExport } from '../../server/features/dialogues/import-polis.ts';
import { memberships } from '../../server/features/organisations/schema.ts';
import { findProgram } from '../../server/features/organisations/service.ts';
import { people } from '../../server/platform/auth/schema.ts';
import { embeddedDataPath, openDatabase } from '../../server/platform/db/connection.ts';
import { queryRows } from '../../server/platform/db/rows.ts';
import { databaseTargetOf } from '../../server/runtime.ts';
import {
  POLIS_ATTRIBUTION,
  PolisFormatError,
  readPolisExport,
} from '../../shared/dialogues/polis.ts';

// `restorativ dialogues import-polis DIR --program ID [--title T]`: a Pol.is export on this
// machine, imported into a program as an archived dialogue, as the pages import one. An operator
// runs it, not a person of the program: the dialogue is recorded as created by the lead
// organisation's first admin (someone must answer for it on the pages), and the audit trail
// says that the system imported it.

export const importUsage =
  'Usage: restorativ dialogues import-polis DIR --program PROGRAM_ID [--title TITLE]';

export async function importPolisCommand(
  config: Config,
  folder: string,
  options: { program?: string; title?: string },
): Promise<number> {
  if (!options.program) {
    console.error(`Name the program to import into with --program.\n\n${importUsage}`);
    return 2;
  }
  const missing = ['comments.csv', 'votes.csv'].filter(
    (name) => !existsSync(path.join(folder, name)),
  );
  if (missing.length > 0) {
    console.error(
      `${folder} does not hold a Pol.is export: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`,
    );
    return 2;
  }
  let exported: ReturnType<typeof readPolisExport>;
  try {
    exported = readPolisExport({
      comments: readFileSync(path.join(folder, 'comments.csv'), 'utf8'),
      votes: readFileSync(path.join(folder, 'votes.csv'), 'utf8'),
    });
  } catch (error) {
    if (error instanceof PolisFormatError) {
      console.error(`This export cannot be read: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (config.databaseKind === 'embedded' && !existsSync(embeddedDataPath(config.DATA_DIR))) {
    console.error(`There is no embedded database in ${path.resolve(config.DATA_DIR)} yet.`);
    return 2;
  }
  const database = await openDatabase(
    databaseTargetOf(config, 'restorativ dialogues import-polis'),
  );
  try {
    const { db } = database;
    const [table] = await queryRows<{ present: boolean }>(
      db,
      sql`select to_regclass('dialogues') is not null as present`,
    );
    if (!table?.present) {
      console.error('This database has no dialogues yet. Bring it up to date: restorativ migrate');
      return 2;
    }
    const program = await findProgram(db, options.program);
    if (!program) {
      console.error(`There is no program ${options.program}.`);
      return 2;
    }
    const [admin] = await db
      .select({ id: people.id })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(
        and(
          eq(memberships.organisationId, program.leadOrganisationId),
          eq(memberships.role, 'org_admin'),
          isNull(memberships.revokedAt),
          isNull(people.disabledAt),
        ),
      )
      .orderBy(asc(memberships.createdAt));
    if (!admin) {
      console.error(
        `The organisation that leads "${program.name}" has no admin to answer for the dialogue.`,
      );
      return 2;
    }
    const title = (options.title ?? `Pol.is: ${path.basename(path.resolve(folder))}`).trim();
    const imported = await db.transaction(async (tx) => {
      const stored = await storePolisExport(
        tx,
        { programId: program.id, title, createdBy: admin.id },
        exported,
      );
      await auditImport(db, tx, stored, {
        actorKind: 'system',
        actorId: null,
        organisationId: program.leadOrganisationId,
      });
      return stored;
    });
    console.log(
      `Imported "${title}" into ${program.name} as an archived dialogue, ${imported.dialogueId}: ` +
        `${imported.statements} statements, ${imported.participants} participants, ${imported.votes} votes.`,
    );
    if (imported.shortened > 0) {
      console.log(
        `${imported.shortened} comments were longer than 280 characters and were shortened.`,
      );
    }
    console.log(`\n${POLIS_ATTRIBUTION}`);
    return 0;
  } finally {
    await database.close();
  }
}
