import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { JobQueue } from '../jobs/queue.ts';
import { jobs } from '../jobs/schema.ts';
import { outbox } from './schema.ts';
import { createMailService, MAIL_JOB } from './service.ts';
import type { InvitationData } from './templates/index.ts';

// Email over a real SMTP exchange: the app's own mail service and job queue, an SMTP server in
// the test process, and the outbox rows as an operator would read them.

let sink: SmtpSink;
let test: TestApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await startTestApp({ SMTP_URL: sink.url, MAIL_FROM: 'Eastside RJ <rj@example.org>' });
});

afterAll(async () => {
  await test?.close();
  await sink?.stop();
});

beforeEach(() => {
  sink.received.length = 0;
  sink.refuseRecipients(undefined);
});

const invitation = (inviterName = 'Ana Ruiz'): Omit<InvitationData, 'preferencesUrl'> => ({
  inviterName,
  programName: 'Eastside listening circles',
  link: 'https://rj.example.org/join/secret-token-123',
  expiresAt: new Date('2026-06-12T18:00:00Z'),
});

async function rowOf(outboxId: number) {
  const [row] = await test.context.database.db.select().from(outbox).where(eq(outbox.id, outboxId));
  return row;
}

/** Makes the next attempt of an email's delivery due now, as if its backoff had passed. */
async function backoffPasses(outboxId: number) {
  await test.context.database.db
    .update(jobs)
    .set({ runAt: new Date(Date.now() - 1) })
    .where(and(eq(jobs.name, MAIL_JOB), sql`${jobs.payload}->>'outboxId' = ${String(outboxId)}`));
}

describe('email through the outbox to a real SMTP server', () => {
  it('delivers an invitation in English and one in Spanish, whole and escaped', async () => {
    const { mail } = test.context;
    const english = await mail.send({
      to: 'resident@example.org',
      template: 'invitation',
      language: 'en',
      data: invitation('<script>alert(1)</script>'),
    });
    const spanish = await mail.send({
      to: 'vecina@example.org',
      template: 'invitation',
      language: 'es',
      data: invitation(),
    });
    expect(english.status).toBe('queued');
    expect(sink.received).toHaveLength(0); // nothing leaves before the job runs
    await test.context.jobs.runDue();

    expect(sink.received).toHaveLength(2);
    const byAddress = (address: string) =>
      sink.received.find(({ mail }) => mail.to && 'text' in mail.to && mail.to.text === address);
    const en = byAddress('resident@example.org');
    const es = byAddress('vecina@example.org');
    expect(en?.user).toBe('restorativ'); // the credentials in SMTP_URL were used
    expect(en?.mail.from?.value).toEqual([{ name: 'Eastside RJ', address: 'rj@example.org' }]);
    expect(en?.mail.subject).toBe(
      '<script>alert(1)</script> invited you to join Eastside listening circles',
    );
    expect(en?.mail.text).toContain('https://rj.example.org/join/secret-token-123');
    expect(en?.mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; has invited you');
    expect(en?.mail.html).not.toContain('<script>');
    expect(es?.mail.subject).toBe('Ana Ruiz le invita a participar en Eastside listening circles');
    expect(es?.mail.text).toContain('No necesita una cuenta ni una contraseña');
    expect(es?.mail.html).toContain('<html lang="es"');

    for (const received of [en, es]) {
      const header = (name: string) =>
        received?.mail.headerLines.find((line) => line.key === name)?.line ?? '';
      // The reader's own link: one that changes their choice and no one else's.
      const address = received === en ? 'resident@example.org' : 'vecina@example.org';
      const preferences = test.context.emailPreferences.urlFor(address);
      expect(preferences).toMatch(/\/preferences\/email\?token=[\w-]+\.[\w-]+$/);
      expect(received?.mail.text).toContain(preferences);
      expect(received?.mail.html).toContain(`href="${preferences}"`);
      expect(header('list-unsubscribe').replace(/\r?\n\s+/g, ' ')).toBe(
        `List-Unsubscribe: <${preferences}>`,
      );
      expect(header('list-unsubscribe-post')).toBe(
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      );
    }

    for (const { outboxId } of [english, spanish]) {
      expect(await rowOf(outboxId)).toMatchObject({
        status: 'sent',
        attempts: 1,
        lastError: null,
        sentAt: expect.any(Date),
      });
    }
  });

  it('keeps bodies and links sealed in the outbox table', async () => {
    const { outboxId } = await test.context.mail.send({
      to: 'resident@example.org',
      template: 'invitation',
      language: 'en',
      data: invitation(),
    });
    const row = await rowOf(outboxId);
    for (const sealed of [row?.textBody, row?.htmlBody, row?.preferencesUrl]) {
      expect(sealed).toMatch(/^v1\./);
      expect(sealed).not.toContain('token');
    }
    await test.context.jobs.runDue();
    expect((await rowOf(outboxId))?.status).toBe('sent');
  });

  it('retries when the server refuses for now, recording each attempt, and sends once it accepts', async () => {
    sink.refuseRecipients({ code: 451, text: '4.7.1 Greylisted, try again later' });
    const { outboxId } = await test.context.mail.send({
      to: 'resident@example.org',
      template: 'magic-link',
      language: 'en',
      data: {
        link: 'https://rj.example.org/sign-in/t',
        validMinutes: 15,
      },
    });
    await test.context.jobs.runDue();
    expect(await rowOf(outboxId)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: expect.stringContaining('451 4.7.1 Greylisted, try again later'),
      sentAt: null,
    });
    expect(await test.context.jobs.runDue()).toBe(0); // it waits for its backoff

    sink.refuseRecipients(undefined);
    await backoffPasses(outboxId);
    await test.context.jobs.runDue();
    expect(await rowOf(outboxId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.received.map(({ mail }) => mail.subject)).toEqual([
      'Your sign-in link for Restorativ',
    ]);
  });

  it('retries while the mail server is down, and sends once it is back', async () => {
    await sink.stop();
    const { outboxId } = await test.context.mail.send({
      to: 'resident@example.org',
      template: 'invitation',
      language: 'es',
      data: invitation(),
    });
    try {
      await test.context.jobs.runDue();
      expect(await rowOf(outboxId)).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: expect.stringContaining(`Nothing answers at 127.0.0.1:${sink.port}`),
      });
    } finally {
      await sink.restart();
    }
    await backoffPasses(outboxId);
    await test.context.jobs.runDue();
    expect(await rowOf(outboxId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.received).toHaveLength(1);
  });

  it('marks an email failed at once when the server refuses the address for good', async () => {
    sink.refuseRecipients({ code: 550, text: '5.1.1 No such mailbox' });
    const { outboxId } = await test.context.mail.send({
      to: 'nobody@example.org',
      template: 'invitation',
      language: 'en',
      data: invitation(),
    });
    await test.context.jobs.runDue();
    expect(await rowOf(outboxId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('550 5.1.1 No such mailbox'),
    });
    await backoffPasses(outboxId);
    expect(await test.context.jobs.runDue()).toBe(0); // nothing left to retry
  });

  it('writes nothing when the caller’s transaction is rolled back', async () => {
    const { db } = test.context.database;
    let outboxId = 0;
    await db
      .transaction(async (tx) => {
        ({ outboxId } = await test.context.mail.send(
          {
            to: 'resident@example.org',
            template: 'invitation',
            language: 'en',
            data: invitation(),
          },
          { tx },
        ));
        tx.rollback();
      })
      .catch(() => {});
    expect(outboxId).toBeGreaterThan(0);
    expect(await rowOf(outboxId)).toBeUndefined();
    expect(await test.context.jobs.runDue()).toBe(0);
  });

  it('refuses an address that is not one', async () => {
    await expect(
      test.context.mail.send({
        to: 'not an address',
        template: 'invitation',
        language: 'en',
        data: invitation(),
      }),
    ).rejects.toMatchObject({ status: 400, fields: [{ field: 'to' }] });
  });

  it('logs the template, the outbox id and the status, never an address, a body or a link', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const queue = new JobQueue(test.context.database.db, log, { pollIntervalMs: 20 });
    const mail = createMailService({
      config: test.context.config,
      db: test.context.database.db,
      jobs: queue,
      cipher: test.context.cipher,
      preferences: test.context.emailPreferences,
      log,
    });
    sink.refuseRecipients({ code: 451, text: '4.2.0 <resident@example.org> mailbox busy' });
    const { outboxId } = await mail.send({
      to: 'resident@example.org',
      template: 'invitation',
      language: 'en',
      data: invitation(),
    });
    await queue.runDue();
    sink.refuseRecipients(undefined);
    await backoffPasses(outboxId);
    await queue.runDue();

    const logged = lines.join('\n');
    expect(logged).toContain(`"outboxId":${outboxId}`);
    expect(logged).toContain('"template":"invitation"');
    expect(logged).toContain('"status":"sent"');
    for (const secret of ['resident@example.org', 'token', 'Ana Ruiz', 'rj.example.org']) {
      expect(logged).not.toContain(secret);
    }
  });
});
