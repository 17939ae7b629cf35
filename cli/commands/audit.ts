import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../../server/config.ts';
import { verifyAuditChain } from '../../server/platform/audit/service.ts';
import { embeddedDataPath, openDatabase } from '../../server/platform/db/connection.ts';
import { queryRows } from '../../server/platform/db/rows.ts';
import { databaseTargetOf } from '../../server/runtime.ts';

// `restorativ audit verify`: recomputes every hash of the audit trail and says, in one sentence,
// whether it is intact or where it was tampered with. Exit 0 when intact, 1 when tampered with,
// 2 when it could not look (so that a scheduled check can tell the two failures apart).

const usage = 'Usage: restorativ audit verify';
const count = new Intl.NumberFormat('en-US');

export async function auditCommand(config: Config, args: string[]): Promise<number> {
  const [subcommand, ...extra] = args;
  if (subcommand !== 'verify' || extra.length > 0) {
    console.error(subcommand ? `Unknown audit command "${args.join(' ')}".\n\n${usage}` : usage);
    return 2;
  }
  if (config.databaseKind === 'embedded' && !existsSync(embeddedDataPath(config.DATA_DIR))) {
    console.error(
      `There is no embedded database in ${resolve(config.DATA_DIR)} yet, so no audit trail to verify.`,
    );
    return 2;
  }
  const database = await openDatabase(databaseTargetOf(config, 'restorativ audit verify'));
  try {
    const [table] = await queryRows<{ present: boolean }>(
      database.db,
      sql`select to_regclass('audit_trail_anchor') is not null as present`,
    );
    if (!table?.present) {
      console.error(
        'This database has no audit trail yet. Bring it up to date: restorativ migrate',
      );
      return 2;
    }
    const verdict = await verifyAuditChain(database.db);
    if (!verdict.ok) {
      console.error(`The audit trail has been tampered with: ${verdict.problem.message}.`);
      return 1;
    }
    const events = verdict.checked === 1 ? 'event' : 'events';
    console.log(`The audit trail is intact: ${count.format(verdict.checked)} ${events} checked.`);
    if (verdict.latest) {
      // An operator who keeps this line elsewhere can compare it later: rewriting the chain up to
      // this event, even with fresh hashes, would change the hash shown here.
      console.log(
        `The latest is event ${count.format(verdict.latest.seq)}, hash ${verdict.latest.hash}.`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}
