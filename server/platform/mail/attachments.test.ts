import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { readOutboxMessage } from './outbox.ts';
import { outbox } from './schema.ts';

// A file sent with an email (a calendar invitation) is kept sealed in the outbox with it, and
// reaches the mail server as an attachment.

let sink: SmtpSink;
let test: TestApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await startTestApp({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await test?.close();
  await sink?.stop();
});

const calendar =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-SECRET-LINK:https://rj.example.org/circles/join#tok\r\nEND:VCALENDAR\r\n';

describe('attachments', () => {
  it('delivers the file with the email, and keeps it sealed in the outbox until then', async () => {
    const { outboxId } = await test.context.mail.send({
      to: 'resident@example.org',
      template: 'invitation',
      language: 'en',
      data: {
        inviterName: 'Ana Ruiz',
        programName: 'Eastside listening circles',
        link: 'https://rj.example.org/join/secret',
        expiresAt: new Date('2026-06-12T18:00:00Z'),
      },
      attachments: [
        { filename: 'circle.ics', contentType: 'text/calendar; charset=utf-8', content: calendar },
      ],
    });
    const [row] = await test.context.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, outboxId));
    expect(row?.attachments).not.toContain('X-SECRET-LINK');
    const stored = await readOutboxMessage(test.context.database.db, test.context.cipher, outboxId);
    expect(stored?.attachments).toEqual([
      { filename: 'circle.ics', contentType: 'text/calendar; charset=utf-8', content: calendar },
    ]);

    await test.context.jobs.runDue();
    expect(sink.received).toHaveLength(1);
    const [attachment] = sink.received[0]?.mail.attachments ?? [];
    expect(attachment?.filename).toBe('circle.ics');
    expect(attachment?.contentType).toBe('text/calendar');
    expect(attachment?.content.toString('utf8')).toBe(calendar);
  });

  it('sends an email without attachments as before', async () => {
    sink.received.length = 0;
    const { outboxId } = await test.context.mail.send({
      to: 'other@example.org',
      template: 'magic-link',
      language: 'es',
      data: { link: 'https://rj.example.org/sign-in/x', validMinutes: 15 },
    });
    const stored = await readOutboxMessage(test.context.database.db, test.context.cipher, outboxId);
    expect(stored?.attachments).toEqual([]);
    await test.context.jobs.runDue();
    expect(sink.received[0]?.mail.attachments).toEqual([]);
  });
});
