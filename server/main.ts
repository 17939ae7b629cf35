import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SETUP_LINK_HOURS } from '../shared/setup/contract.ts';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { CIRCLE_REMINDERS_EVERY_MS, CIRCLE_REMINDERS_JOB } from './features/circles/reminders.ts';
import {
  PURGE_TRANSCRIPTS_EVERY_MS,
  PURGE_TRANSCRIPTS_JOB,
} from './features/circles/transcript-purge.ts';
import { REMINDERS_EVERY_MS, REMINDERS_JOB } from './features/commitments/reminders.ts';
import {
  CONFERENCE_REMINDERS_EVERY_MS,
  CONFERENCE_REMINDERS_JOB,
} from './features/conferences/reminders.ts';
import { AFTER_PROCESS_EVERY_MS, AFTER_PROCESS_JOB } from './features/measurement/after-process.ts';
import { prepareSetupLink } from './features/setup/service.ts';
import {
  PRACTICE_CIRCLES_EVERY_MS,
  PRACTICE_CIRCLES_JOB,
} from './features/training/practice-circles.ts';
import {
  TRAINING_REMINDERS_EVERY_MS,
  TRAINING_REMINDERS_JOB,
} from './features/training/reminders.ts';
import { PURGE_YOUTH_EVERY_MS, PURGE_YOUTH_JOB } from './features/youth/purge.ts';
import type { AppContext } from './platform/context.ts';
import { createLogger } from './platform/logger.ts';
import { DIGEST_EVERY_MS, DIGEST_JOB } from './platform/mail/service.ts';
import { StartupError } from './platform/startup-error.ts';
import { closeRuntime, openRuntime } from './runtime.ts';

// The process entry: read the settings, open and migrate the database, listen, and shut down
// cleanly on SIGTERM or SIGINT.

function stopStarting(message: string): never {
  console.error(`Restorativ cannot start: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const context = await openRuntime(config, log);
  const app = await buildApp(context);

  let stopping = false;
  // What start-up still does after it listens (scheduling jobs, the setup link): a stop waits
  // for it, so that the database is not closed under it.
  let startingUp: Promise<unknown> = Promise.resolve();
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    context.lifecycle.shuttingDown = true;
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await startingUp.catch(() => {});
      // Stop accepting, let in-flight requests finish, close sockets; then the rest.
      await app.close();
      await closeRuntime(context);
      process.exitCode = 0;
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exitCode = 1;
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  startingUp = startUp(context, app, config);
  await startingUp;
}

/** After the server listens: the recurring jobs, the address, and the setup link if needed. */
async function startUp(context: AppContext, app: FastifyInstance, config: Config): Promise<void> {
  context.jobs.start();
  await context.jobs.every(DIGEST_JOB, DIGEST_EVERY_MS);
  await context.jobs.every(REMINDERS_JOB, REMINDERS_EVERY_MS);
  await context.jobs.every(PURGE_TRANSCRIPTS_JOB, PURGE_TRANSCRIPTS_EVERY_MS);
  await context.jobs.every(CIRCLE_REMINDERS_JOB, CIRCLE_REMINDERS_EVERY_MS);
  await context.jobs.every(CONFERENCE_REMINDERS_JOB, CONFERENCE_REMINDERS_EVERY_MS);
  await context.jobs.every(AFTER_PROCESS_JOB, AFTER_PROCESS_EVERY_MS);
  await context.jobs.every(TRAINING_REMINDERS_JOB, TRAINING_REMINDERS_EVERY_MS);
  await context.jobs.every(PRACTICE_CIRCLES_JOB, PRACTICE_CIRCLES_EVERY_MS);
  await context.jobs.every(PURGE_YOUTH_JOB, PURGE_YOUTH_EVERY_MS);
  const { port } = app.server.address() as AddressInfo;
  const url = config.PUBLIC_URL ? config.publicUrl : config.publicUrl.replace(/:\d+$/, `:${port}`);
  console.log(`Restorativ is running at ${url}`);
  const setupToken = await prepareSetupLink(context.database.db);
  if (setupToken) {
    console.log(
      `\nRestorativ is not set up yet. To create your organisation and its first admin, open this\n` +
        `one-time link within ${SETUP_LINK_HOURS} hours:\n\n  ${url}/setup#${setupToken}\n`,
    );
  }
  console.log(
    config.databaseKind === 'embedded'
      ? `Data is kept in the embedded database in ${config.DATA_DIR}. Press Ctrl+C to stop.`
      : 'Data is kept in PostgreSQL (DATABASE_URL). Press Ctrl+C to stop.',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) stopStarting(error.message);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    stopStarting(
      'Setting PORT: the port is already in use by another program. Choose another PORT.',
    );
  }
  console.error('Restorativ cannot start: an unexpected error occurred.', error);
  process.exit(1);
});
