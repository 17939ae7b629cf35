import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { jobs } from '../jobs/schema.ts';
import { MAIL_JOB } from './service.ts';

// Without SMTP_URL, as in development or a trial: email stays in the outbox, and a developer on
// this machine reads it through GET /api/dev/outbox.

let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
});

afterAll(async () => {
  await test?.close();
});

async function keepOneEmail() {
  return test.context.mail.send({
    to: 'resident@example.org',
    template: 'magic-link',
    language: 'es',
    data: {
      link: 'https://rj.example.org/sign-in/token-1',
      validMinutes: 10,
    },
  });
}

describe('email without a mail server', () => {
  it('is kept in the outbox, with no delivery queued', async () => {
    const { outboxId, status } = await keepOneEmail();
    expect(status).toBe('kept');
    expect(
      await test.context.database.db.select().from(jobs).where(eq(jobs.name, MAIL_JOB)),
    ).toEqual([]);

    const list = await test.app.inject('/api/dev/outbox');
    expect(list.statusCode).toBe(200);
    expect(list.json().messages[0]).toMatchObject({
      id: outboxId,
      toAddress: 'resident@example.org',
      subject: 'Su enlace para iniciar sesión en Restorativ',
      template: 'magic-link',
      language: 'es',
      status: 'kept',
      sentAt: null,
    });
    expect(list.body).not.toContain('token-1'); // the list has no bodies
  });

  it('shows one email in full, with its link, to a developer on this machine', async () => {
    const { outboxId } = await keepOneEmail();
    const shown = await test.app.inject(`/api/dev/outbox/${outboxId}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().textBody).toContain('https://rj.example.org/sign-in/token-1');
    expect(shown.json().htmlBody).toContain('<html lang="es"');
    expect((await test.app.inject('/api/dev/outbox/999999')).statusCode).toBe(404);
  });

  it('answers no one but this machine, not even through a proxy here', async () => {
    const { outboxId } = await keepOneEmail();
    for (const request of [
      { url: '/api/dev/outbox', remoteAddress: '203.0.113.7' },
      { url: `/api/dev/outbox/${outboxId}`, remoteAddress: '203.0.113.7' },
      { url: `/api/dev/outbox/${outboxId}`, headers: { 'x-forwarded-for': '203.0.113.7' } },
    ]) {
      const response = await test.app.inject(request);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('token-1');
    }
  });
});

describe('in production', () => {
  it('has no development outbox route', async () => {
    const production = await startTestApp({ NODE_ENV: 'production' });
    try {
      expect((await production.app.inject('/api/dev/outbox')).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
