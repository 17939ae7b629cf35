import type { Config } from '../../server/config.ts';
import { openDatabase } from '../../server/platform/db/connection.ts';
import { databaseTargetOf } from '../../server/runtime.ts';

export async function migrateCommand(config: Config): Promise<number> {
  const database = await openDatabase(databaseTargetOf(config, 'restorativ migrate'));
  try {
    await database.migrate();
    console.log('The database is up to date.');
    return 0;
  } finally {
    await database.close();
  }
}
