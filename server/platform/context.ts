import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Auth } from './auth/auth.ts';
import type { EventBus } from './bus/index.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import type { DatabaseHandle } from './db/connection.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { PreferencesTokens } from './mail/preferences.ts';
import type { MailService } from './mail/service.ts';

/** What a running server holds, handed to every feature when the app is built. */
export interface AppContext {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  bus: EventBus;
  jobs: JobQueue;
  auth: Auth;
  /** Seals and opens confidential text fields (docs/decisions/010-field-encryption.md). */
  cipher: FieldCipher;
  /** Sends email through the outbox: `context.mail.send({ to, template, language, data })`. */
  mail: MailService;
  /** The tokens of the links in every email to the reader's email preferences. */
  emailPreferences: PreferencesTokens;
  /** A key for one purpose (an HMAC of tokens or lookups), derived from the installation's secret. */
  deriveKey(purpose: string): Buffer;
  /** Set once shutdown begins, so /ready tells the load balancer to stop sending requests. */
  lifecycle: { shuttingDown: boolean };
}
