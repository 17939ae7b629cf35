import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import type { Config } from '../../config.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Database, Transaction } from '../db/connection.ts';
import { InvalidError } from '../errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import {
  insertOutboxMessage,
  readOutboxMessage,
  recordFailedAttempt,
  recordKept,
  recordSent,
} from './outbox.ts';
import {
  type Language,
  renderEmail,
  type TemplateData,
  type TemplateName,
} from './templates/index.ts';
import { createSmtpTransport, explainSmtpError, isPermanentRejection } from './transport.ts';

// Sending an email writes it to the outbox, then a `mail.send` job delivers it, so that it is
// retried with backoff and survives a restart (docs/decisions/011-mail-through-an-outbox.md).
// Logs name the template, the outbox id and the status only: never an address, body or link.

export const MAIL_JOB = 'mail.send';
/** Ten attempts, the waits doubling from 30 s to at most an hour: about three hours in all. */
export const MAIL_MAX_ATTEMPTS = 10;
export const mailBackoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export interface Email<Name extends TemplateName> {
  to: string;
  template: Name;
  language: Language;
  data: TemplateData<Name>;
}

export interface MailService {
  /**
   * Renders the email and writes it to the outbox; with a mail server configured, its delivery
   * is queued. Pass the caller's transaction so the email exists only if the caller's change does.
   */
  send<Name extends TemplateName>(
    email: Email<Name>,
    options?: { tx?: Transaction },
  ): Promise<{ outboxId: number; status: 'queued' | 'kept' }>;
}

const emailAddress = z.email();

export function createMailService(deps: {
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>;
  db: Database;
  jobs: JobQueue;
  cipher: FieldCipher;
  log: Logger;
}): MailService {
  const { config, db, jobs, cipher, log } = deps;
  const smtpUrl = config.SMTP_URL;
  let transport: Transporter | undefined;

  jobs.define({
    name: MAIL_JOB,
    payload: z.object({ outboxId: z.number().int().positive() }),
    maxAttempts: MAIL_MAX_ATTEMPTS,
    backoffMs: mailBackoffMs,
    async handler({ outboxId }, { attempt }) {
      const message = await readOutboxMessage(db, cipher, outboxId);
      // Sent already (a job that ran twice), or kept: nothing to deliver.
      if (message?.status !== 'queued') return;
      const facts = { template: message.template, outboxId };
      if (!smtpUrl) {
        // Queued while a mail server was set, which a restart has since removed.
        await recordKept(db, outboxId);
        log.info({ ...facts, status: 'kept' }, 'email kept in the outbox');
        return;
      }
      try {
        transport ??= createSmtpTransport(smtpUrl);
        await transport.sendMail({
          from: config.MAIL_FROM,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          headers: {
            'Content-Language': message.language,
            // One-click unsubscribe (RFC 8058): mail programs show it beside the sender.
            'List-Unsubscribe': `<${message.preferencesUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
      } catch (error) {
        const permanent = isPermanentRejection(error);
        const final = permanent || attempt >= MAIL_MAX_ATTEMPTS;
        const explained = explainSmtpError(error, smtpUrl);
        await recordFailedAttempt(db, outboxId, explained, final);
        log.warn({ ...facts, status: final ? 'failed' : 'queued' }, 'email not delivered');
        // A refusal for good ends here; anything else goes back to the queue to be retried.
        // The queue logs what is thrown, and a server's reply may quote the address: say less.
        if (permanent) return;
        throw new Error(`email ${outboxId} was not delivered; its outbox row says why`);
      }
      await recordSent(db, outboxId);
      log.info({ ...facts, status: 'sent' }, 'email sent');
    },
  });

  return {
    async send(email, options = {}) {
      if (!emailAddress.safeParse(email.to).success) {
        throw new InvalidError([{ field: 'to', message: 'must be an email address' }]);
      }
      if (isPlaceholderEmail(email.to)) {
        throw new InvalidError([{ field: 'to', message: 'is a placeholder that cannot get mail' }]);
      }
      const rendered = renderEmail(email.template, email.data, email.language);
      const status = smtpUrl ? 'queued' : 'kept';
      const write = async (tx: Transaction) => {
        const outboxId = await insertOutboxMessage(tx, cipher, {
          to: email.to,
          template: email.template,
          language: email.language,
          email: rendered,
          preferencesUrl: email.data.preferencesUrl,
          status,
        });
        if (status === 'queued') await jobs.enqueue(MAIL_JOB, { outboxId }, { tx });
        return outboxId;
      };
      const outboxId = options.tx ? await write(options.tx) : await db.transaction(write);
      log.info({ template: email.template, outboxId, status }, 'email written to the outbox');
      return { outboxId, status };
    },
  };
}
