import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { DIGEST_JOB } from '../../platform/mail/service.ts';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// Email preferences as a reader meets them: the link at the foot of every email, the one-click
// unsubscribe their mail program offers, the daily digest, and the setting on their account.

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
});

const roleNotice = (to: string, placeName = 'Eastside listening circles') =>
  test.context.mail.notify({
    to,
    template: 'role-granted',
    language: 'en',
    data: { role: 'facilitator', placeName, link: `${test.context.config.publicUrl}/me` },
  });

const deliveredTo = (address: string) =>
  sink.received.filter(
    ({ mail }) => mail.to && 'text' in mail.to && mail.to.text === address.toLowerCase(),
  );

/** The preferences link of a received email, as its List-Unsubscribe header gives it. */
function unsubscribeUrlOf(received: SmtpSink['received'][number]): URL {
  const header = received.mail.headerLines.find((line) => line.key === 'list-unsubscribe');
  const url = header?.line.replace(/\r?\n\s+/g, '').match(/<([^>]+)>/)?.[1];
  if (!url) throw new Error('no List-Unsubscribe header');
  return new URL(url);
}

async function outboxCountFor(address: string) {
  const rows = await test.context.database.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.toAddress, address));
  return rows.length;
}

describe('email preferences', () => {
  it('sends a notification at once by default, with a link that shows whose emails they are', async () => {
    expect(await roleNotice('marisol@example.org')).toMatchObject({ status: 'queued' });
    await test.context.jobs.runDue();
    const [received] = deliveredTo('marisol@example.org');
    expect(received?.mail.subject).toBe('You are now facilitator in Eastside listening circles');
    const link = unsubscribeUrlOf(received as SmtpSink['received'][number]);
    expect(link.pathname).toBe('/preferences/email');
    expect(received?.mail.text).toContain(link.href);

    const page = await test.app.inject({
      method: 'GET',
      url: `/api/preferences/email${link.search}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ frequency: 'immediately', maskedEmail: 'm***@example.org' });
  });

  it('stops every optional email with the one-click request a mail program sends', async () => {
    await roleNotice('jon@example.org');
    await test.context.jobs.runDue();
    const [received] = deliveredTo('jon@example.org');
    const link = unsubscribeUrlOf(received as SmtpSink['received'][number]);

    // Mail programs post from their own servers: no browser, no cookie, no Origin header.
    const oneClick = await test.app.inject({
      method: 'POST',
      url: `${link.pathname}${link.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(204);

    expect(await roleNotice('jon@example.org')).toEqual({ status: 'skipped' });
    expect(await outboxCountFor('jon@example.org')).toBe(1);
    const [audited] = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'email_preferences.changed'));
    expect(audited?.details).toEqual({ frequency: 'never', via: 'one-click' });
    // The trail keeps the choice, never the address.
    expect(JSON.stringify(audited)).not.toContain('jon@example.org');
  });

  it('gathers notifications into one daily digest for a reader who chose it', async () => {
    const address = 'ana.digest@example.org';
    const token = test.context.emailPreferences.tokenFor(address);
    const chosen = await test.app.inject({
      method: 'PUT',
      url: `/api/preferences/email?token=${token}`,
      payload: { frequency: 'daily' },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ frequency: 'daily' });

    expect(await roleNotice(address, 'Eastside listening circles')).toEqual({ status: 'held' });
    expect(await roleNotice(address, 'Youth and police basketball')).toEqual({ status: 'held' });
    await test.context.jobs.runDue();
    expect(deliveredTo(address)).toHaveLength(0);

    await test.context.jobs.enqueue(DIGEST_JOB, {});
    await test.context.jobs.runDue();
    await test.context.jobs.runDue();
    const digests = deliveredTo(address);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.mail.subject).toBe('Your daily Restorativ digest: 2 notices');
    expect(digests[0]?.mail.text).toContain(
      'You are now facilitator in Eastside listening circles',
    );
    expect(digests[0]?.mail.text).toContain(
      'You are now facilitator in Youth and police basketball',
    );
    expect(unsubscribeUrlOf(digests[0] as SmtpSink['received'][number]).search).toBe(
      `?token=${token}`,
    );

    // Sent once: the next digest has nothing to say, so it is not sent.
    await test.context.jobs.enqueue(DIGEST_JOB, {});
    await test.context.jobs.runDue();
    await test.context.jobs.runDue();
    expect(deliveredTo(address)).toHaveLength(1);
  });

  it('never mails an address that cannot receive mail', async () => {
    expect(await roleNotice('joined-7f3a@people.invalid')).toEqual({ status: 'skipped' });
    expect(await outboxCountFor('joined-7f3a@people.invalid')).toBe(0);
  });

  it('refuses a link that is not ours, and one altered to name someone else', async () => {
    const real = test.context.emailPreferences.tokenFor('rosa@example.org');
    const [, mac] = real.split('.');
    const forged = `${Buffer.from('someone.else@example.org').toString('base64url')}.${mac}`;
    for (const token of ['x'.repeat(40), forged, `${real}.extra`]) {
      const response = await test.app.inject({
        method: 'PUT',
        url: `/api/preferences/email?token=${encodeURIComponent(token)}`,
        payload: { frequency: 'never' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        {
          field: 'token',
          message: 'This link is not valid. Open the link in your most recent email from us.',
        },
      ]);
    }
    const oneClickWrongBody = await test.app.inject({
      method: 'POST',
      url: `/preferences/email?token=${real}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'unsubscribe=yes',
    });
    expect(oneClickWrongBody.statusCode).toBe(400);
    const unchanged = await test.app.inject({
      method: 'GET',
      url: `/api/preferences/email?token=${real}`,
    });
    expect(unchanged.json()).toMatchObject({ frequency: 'immediately' });
  });

  it('lets a signed-in person see and change their choice, and answers a bad one with a field message', async () => {
    const organisationId = await addOrganisation(test, 'Eastside Community Voices');
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const headers = { cookie: person.cookie, origin: test.context.config.publicUrl };
    const read = () =>
      test.app.inject({ method: 'GET', url: '/api/me/email-preferences', headers });
    expect((await read()).json()).toEqual({ frequency: 'immediately' });

    const bad = await test.app.inject({
      method: 'PUT',
      url: '/api/me/email-preferences',
      headers,
      payload: { frequency: 'hourly' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'frequency', message: 'Choose how often you get emails.' }),
    ]);

    const changed = await test.app.inject({
      method: 'PUT',
      url: '/api/me/email-preferences',
      headers,
      payload: { frequency: 'daily' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await read()).json()).toEqual({ frequency: 'daily' });
    expect(await roleNotice(person.email)).toEqual({ status: 'held' });

    const signedOut = await test.app.inject({ method: 'GET', url: '/api/me/email-preferences' });
    expect(signedOut.statusCode).toBe(401);
  });
});
