import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../server/config.ts';
import { createFieldCipher, DecryptionError } from '../../server/platform/crypto/field-cipher.ts';
import { encryptionKeysOf } from '../../server/platform/crypto/keys.ts';
import { embeddedDataPath, openDatabase } from '../../server/platform/db/connection.ts';
import { DataDirInUseError } from '../../server/platform/db/data-dir-lock.ts';
import { migrationStatus } from '../../server/platform/db/migration-status.ts';
import {
  latestOutboxMessages,
  type OutboxSummary,
  readOutboxMessage,
} from '../../server/platform/mail/outbox.ts';
import { databaseTargetOf } from '../../server/runtime.ts';

// `restorativ outbox`: the latest emails, and `--show ID` one in full. Without SMTP_URL this is
// where sign-in and invitation links are found; with it, where delivery problems show.

const LATEST = 20;

const shortTime = (moment: Date) => `${moment.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const HEADINGS = ['ID', 'TIME', 'STATUS', 'TO', 'SUBJECT'];

function printList(messages: OutboxSummary[], config: Config): void {
  if (messages.length === 0) {
    console.log('The outbox is empty.');
    return;
  }
  const latest = messages.length === LATEST ? ` (the latest ${LATEST})` : '';
  console.log(`Emails in the outbox, newest first${latest}:\n`);
  const rows = [
    HEADINGS,
    ...messages.map((m) => [
      String(m.id),
      shortTime(m.createdAt),
      m.status,
      m.toAddress,
      m.subject,
    ]),
  ];
  // Columns as wide as their widest cell; the subject, last, runs on.
  const widths = HEADINGS.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const indent = ' '.repeat((widths[0] ?? 0) + 2);
  rows.forEach((row, index) => {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
    const message = messages[index - 1];
    if (message?.lastError && message.status !== 'sent') {
      console.log(`${indent}last error: ${message.lastError}`);
    }
  });
  if (messages.some((message) => message.status === 'kept')) {
    const why = config.SMTP_URL ? 'SMTP_URL was not set then' : 'SMTP_URL is not set';
    console.log(`\n"kept" emails were not sent: ${why}.`);
  }
  console.log('See one in full with: restorativ outbox --show ID');
}

async function printOne(config: Config, db: Parameters<typeof readOutboxMessage>[0], id: number) {
  const cipher = createFieldCipher(encryptionKeysOf(config));
  const message = await readOutboxMessage(db, cipher, id);
  if (!message) {
    console.error(`There is no email ${id} in the outbox. See the latest with: restorativ outbox`);
    return 2;
  }
  console.log(`Email ${message.id}: ${message.template} in ${message.language}, ${message.status}`);
  console.log(`To:       ${message.toAddress}`);
  console.log(`Subject:  ${message.subject}`);
  console.log(`Written:  ${shortTime(message.createdAt)}`);
  console.log(`Sent:     ${message.sentAt ? shortTime(message.sentAt) : 'not yet'}`);
  console.log(`Attempts: ${message.attempts}`);
  if (message.lastError) console.log(`Error:    ${message.lastError}`);
  console.log(`\n${message.textBody}`);
  return 0;
}

export async function outboxCommand(config: Config, show: string | undefined): Promise<number> {
  const id = show === undefined ? undefined : Number(show);
  if (id !== undefined && !(Number.isInteger(id) && id > 0)) {
    console.error(`--show takes the number of an email, as the list shows it (got "${show}").`);
    return 2;
  }
  if (config.databaseKind === 'embedded' && !existsSync(embeddedDataPath(config.DATA_DIR))) {
    console.log(`There is no database in ${resolve(config.DATA_DIR)} yet, so no email either.`);
    return id === undefined ? 0 : 2;
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(databaseTargetOf(config, 'restorativ outbox'));
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    const devRoute =
      config.NODE_ENV === 'production' ? '' : ` or open ${config.publicUrl}/api/dev/outbox`;
    console.error(`The running server holds the embedded database: stop it first${devRoute}.`);
    return 2;
  }
  try {
    const { known, applied } = await migrationStatus(database.db);
    if (applied < known) {
      console.error('The database is not up to date. Run: restorativ migrate');
      return 2;
    }
    if (id !== undefined) return await printOne(config, database.db, id);
    printList(await latestOutboxMessages(database.db, LATEST), config);
    return 0;
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    console.error(`This email cannot be read: ${error.message}`);
    return 1;
  } finally {
    await database.close();
  }
}
