import type { Logger } from 'pino';
import { isStaffRole } from '../shared/permissions/roles.ts';
import type { Config } from './config.ts';
import { defineCircleReminders } from './features/circles/reminders.ts';
import { defineTranscriptPurge } from './features/circles/transcript-purge.ts';
import { defineSubscriberNotifications } from './features/commitments/public/notify.ts';
import { defineCommitmentReminders } from './features/commitments/reminders.ts';
import { defineConferenceReminders } from './features/conferences/reminders.ts';
import { defineAfterProcessSurveys } from './features/measurement/after-process.ts';
import { membershipsOf } from './features/organisations/service.ts';
import { definePracticeCircleCredit } from './features/training/practice-circles.ts';
import { defineTrainingReminders } from './features/training/reminders.ts';
import { defineYouthPurge } from './features/youth/purge.ts';
import { createAuth } from './platform/auth/auth.ts';
import { signInLinkSender } from './platform/auth/sign-in-link.ts';
import { openEventBus } from './platform/bus/index.ts';
import type { AppContext } from './platform/context.ts';
import { createFieldCipher } from './platform/crypto/field-cipher.ts';
import { encryptionKeysOf } from './platform/crypto/keys.ts';
import { type DatabaseTarget, openDatabase } from './platform/db/connection.ts';
import { recordInstallation } from './platform/instance/service.ts';
import { JobQueue } from './platform/jobs/queue.ts';
import { preferencesTokens } from './platform/mail/preferences.ts';
import { createMailService } from './platform/mail/service.ts';
import { developmentSecret, keyDeriver } from './platform/secrets.ts';

// What a server process holds, wired from the platform and the rules of the features that the
// platform's parts need (who is staff, for sign-in). Tests and the command line open it too.

export function databaseTargetOf(config: Config, purpose: string): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: 'postgresql', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dataDir: config.DATA_DIR, purpose };
}

/** Opens the database (migrated), the event bus and the job queue: everything a server holds. */
export async function openRuntime(
  config: Config,
  log: Logger,
  target: DatabaseTarget = databaseTargetOf(config, 'server'),
): Promise<AppContext> {
  const database = await openDatabase(target);
  try {
    // After the database: a process that is refused its data directory says only that.
    const cipher = createFieldCipher(encryptionKeysOf(config, log));
    await database.migrate();
    await recordInstallation(database.db);
    const bus = await openEventBus(config.REDIS_URL, log);
    const jobs = new JobQueue(database.db, log.child({ component: 'jobs' }), {
      pollIntervalMs: config.JOBS_POLL_INTERVAL_MS,
    });
    const secret = config.AUTH_SECRET ?? developmentSecret(config.DATA_DIR, 'auth-secret');
    const emailPreferences = preferencesTokens(secret, config.publicUrl);
    const mail = createMailService({
      config,
      db: database.db,
      jobs,
      cipher,
      preferences: emailPreferences,
      log: log.child({ component: 'mail' }),
    });
    const isStaff = async (personId: string) =>
      (await membershipsOf(database.db, personId)).some((membership) =>
        isStaffRole(membership.role),
      );
    const auth = createAuth({
      config,
      log: log.child({ component: 'auth' }),
      db: database.db,
      secret,
      sendSignInLink: signInLinkSender(database.db, mail, isStaff),
      isStaff,
    });
    const context: AppContext = {
      config,
      log,
      database,
      bus,
      jobs,
      cipher,
      mail,
      emailPreferences,
      deriveKey: keyDeriver(secret),
      auth,
      lifecycle: { shuttingDown: false },
    };
    defineCommitmentReminders(context);
    defineSubscriberNotifications(context);
    defineTranscriptPurge(context);
    defineCircleReminders(context);
    defineConferenceReminders(context);
    defineAfterProcessSurveys(context);
    defineTrainingReminders(context);
    definePracticeCircleCredit(context);
    defineYouthPurge(context);
    return context;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Closes in the reverse order of opening; the database last, once nothing uses it. */
export async function closeRuntime(context: AppContext): Promise<void> {
  await context.jobs.stop();
  await context.bus.close();
  await context.database.close();
}
