import { eq } from 'drizzle-orm';
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
  type MailAttachment,
  readOutboxMessage,
  recordFailedAttempt,
  recordKept,
  recordSent,
} from './outbox.ts';
import { frequencyOf, type PreferencesTokens } from './preferences.ts';
import { mailDigestItems } from './schema.ts';
import {
  type Language,
  renderEmail,
  type TemplateData,
  type TemplateName,
  type templateCategories,
} from './templates/index.ts';
import { createSmtpTransport, explainSmtpError, isPermanentRejection } from './transport.ts';

// Sending an email writes it to the outbox, then a `mail.send` job delivers it, so that it is
// retried with backoff and survives a restart (docs/decisions/011-mail-through-an-outbox.md).
// Logs name the template, the outbox id and the status only: never an address, body or link.

export const MAIL_JOB = 'mail.send';
/** Ten attempts, the waits doubling from 30 s to at most an hour: about three hours in all. */
export const MAIL_MAX_ATTEMPTS = 10;
export const mailBackoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export const DIGEST_JOB = 'mail.digest';
export const DIGEST_EVERY_MS = 24 * 60 * 60 * 1_000;

type TemplatesOf<Category> = {
  [Name in TemplateName]: (typeof templateCategories)[Name] extends Category ? Name : never;
}[TemplateName];
export type EssentialTemplate = TemplatesOf<'essential'>;
export type NotificationTemplate = TemplatesOf<'notification'>;

export interface Email<Name extends TemplateName> {
  to: string;
  template: Name;
  language: Language;
  /** The link to the reader's email preferences is added by the service, for the reader. */
  data: Omit<TemplateData<Name>, 'preferencesUrl' | 'unsubscribeUrl'>;
  /**
   * For an email the reader asked for on its own (following a register), the link that stops
   * it: the List-Unsubscribe header and the footer point there instead of the preferences.
   */
  unsubscribeUrl?: string;
  /**
   * Files sent with it (a calendar invitation). They go with the email itself: a notification
   * held for the daily digest is quoted there without them.
   */
  attachments?: readonly MailAttachment[];
}

/** What became of a notification: sent on its way, held for the digest, or not wanted. */
export type NotificationOutcome =
  | { status: 'queued' | 'kept'; outboxId: number }
  | { status: 'held' | 'skipped' };

export interface MailService {
  /**
   * Renders the email and writes it to the outbox; with a mail server configured, its delivery
   * is queued. Pass the caller's transaction so the email exists only if the caller's change does.
   */
  send<Name extends EssentialTemplate>(
    email: Email<Name>,
    options?: { tx?: Transaction },
  ): Promise<{ outboxId: number; status: 'queued' | 'kept' }>;
  /**
   * A notification follows its reader's choice: sent at once, held for the daily digest, or
   * skipped; an address that cannot receive mail is skipped too.
   */
  notify<Name extends NotificationTemplate>(
    email: Email<Name>,
    options?: { tx?: Transaction },
  ): Promise<NotificationOutcome>;
}

const emailAddress = z.email();

export function createMailService(deps: {
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>;
  db: Database;
  jobs: JobQueue;
  cipher: FieldCipher;
  preferences: PreferencesTokens;
  log: Logger;
}): MailService {
  const { config, db, jobs, cipher, preferences, log } = deps;
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
          attachments: message.attachments.map((attachment) => ({ ...attachment })),
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

  const digestContext = (address: string) => `mail_digest_items.text_body:${address}`;

  async function write(
    email: Email<TemplateName>,
    tx: Transaction | undefined,
  ): Promise<{ outboxId: number; status: 'queued' | 'kept' }> {
    if (!emailAddress.safeParse(email.to).success) {
      throw new InvalidError([{ field: 'to', message: 'must be an email address' }]);
    }
    if (isPlaceholderEmail(email.to)) {
      throw new InvalidError([{ field: 'to', message: 'is a placeholder that cannot get mail' }]);
    }
    const preferencesUrl = preferences.urlFor(email.to);
    const { unsubscribeUrl } = email;
    const data = {
      ...email.data,
      preferencesUrl,
      ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
    } as TemplateData<TemplateName>;
    const rendered = renderEmail(email.template, data, email.language);
    const status = smtpUrl ? 'queued' : 'kept';
    const insert = async (inside: Transaction) => {
      const outboxId = await insertOutboxMessage(inside, cipher, {
        to: email.to,
        template: email.template,
        language: email.language,
        email: rendered,
        preferencesUrl: unsubscribeUrl ?? preferencesUrl,
        status,
        ...(email.attachments ? { attachments: email.attachments } : {}),
      });
      if (status === 'queued') await jobs.enqueue(MAIL_JOB, { outboxId }, { tx: inside });
      return outboxId;
    };
    const outboxId = tx ? await insert(tx) : await db.transaction(insert);
    log.info({ template: email.template, outboxId, status }, 'email written to the outbox');
    return { outboxId, status };
  }

  jobs.define({
    name: DIGEST_JOB,
    payload: z.object({}),
    async handler() {
      const addresses = await db
        .selectDistinct({ address: mailDigestItems.address })
        .from(mailDigestItems);
      for (const { address } of addresses) {
        await db.transaction(async (tx) => {
          // Taken and removed in one step, so two processes never send the same notices twice.
          const items = await tx
            .delete(mailDigestItems)
            .where(eq(mailDigestItems.address, address))
            .returning();
          if (items.length === 0) return;
          items.sort((a, b) => a.id - b.id);
          const language = items.at(-1)?.language === 'es' ? 'es' : 'en';
          await write(
            {
              to: address,
              template: 'daily-digest',
              language,
              data: {
                items: items.map((item) => ({
                  subject: item.subject,
                  text: cipher.decrypt(item.textBody, digestContext(address)),
                })),
              },
            },
            tx,
          );
        });
      }
    },
  });

  return {
    send: (email, options = {}) => write(email, options.tx),
    async notify(email, options = {}) {
      // A resident who joined by link gave no address: nothing can reach them by email.
      if (isPlaceholderEmail(email.to)) return { status: 'skipped' };
      const frequency = await frequencyOf(options.tx ?? db, email.to);
      if (frequency === 'never') return { status: 'skipped' };
      if (frequency === 'immediately') return write(email, options.tx);
      const data = { ...email.data, preferencesUrl: preferences.urlFor(email.to) };
      const rendered = renderEmail<TemplateName>(
        email.template,
        data as TemplateData<TemplateName>,
        email.language,
      );
      const address = email.to.trim().toLowerCase();
      await (options.tx ?? db).insert(mailDigestItems).values({
        address,
        language: email.language,
        subject: rendered.subject,
        // The digest quotes each notice's text without its own footer.
        textBody: cipher.encrypt(rendered.text.split('\n\n-- \n')[0] ?? '', digestContext(address)),
      });
      log.info({ template: email.template }, 'notification held for the daily digest');
      return { status: 'held' };
    },
  };
}
