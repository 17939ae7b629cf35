import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../../shared/commitments/days.ts';
import { readOutboxMessage } from '../../../platform/mail/outbox.ts';
import { outbox } from '../../../platform/mail/schema.ts';
import { type SmtpSink, startSmtpSink } from '../../../testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { commitmentEvents, commitmentSubscriptions } from '../schema.ts';
import {
  addCommitment,
  addEvent,
  buildRegisterWorld,
  OWNER_NAME,
  SECRET,
  setVisibility,
} from './fixtures.ts';
import { NOTIFY_SUBSCRIBERS_JOB } from './notify.ts';

// Following a register by email, as a resident does it: the form, the confirmation email, the
// confirm page, the updates, and stopping them from the page or from the mail program.

let sink: SmtpSink;
let test: TestApp;
let world: Awaited<ReturnType<typeof buildRegisterWorld>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await startTestApp({ SMTP_URL: sink.url });
  world = await buildRegisterWorld(test, dayIn(test.context.config.TIME_ZONE), addDays);
});

afterAll(async () => {
  await test?.close();
  await sink?.stop();
});

beforeEach(() => {
  sink.received.length = 0;
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const local = (url: string) => url.replace(test.context.config.publicUrl, '');

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await test.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: test.context.config.publicUrl,
      ...headers,
    },
    payload: body,
  });
  return { status: response.statusCode, body: response.body };
}

async function get(url: string) {
  const response = await test.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.body };
}

const subscribe = (email: string, lang = 'en', path = `/register/programs/${world.circles}`) =>
  post(`${path}/subscriptions`, form({ email, lang }));

/** The emails written to the outbox for an address, newest first, opened. */
async function emailsTo(address: string, template: string) {
  const { db } = test.context.database;
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.toAddress, address), eq(outbox.template, template)))
    .orderBy(desc(outbox.id));
  return Promise.all(
    rows.map(async (row) => {
      const message = await readOutboxMessage(db, test.context.cipher, row.id);
      if (!message) throw new Error('the message vanished');
      return message;
    }),
  );
}

function linkIn(text: string, path: string): string {
  const link = text.match(new RegExp(`https?://[^\\s]+/register/subscriptions/${path}\\?[^\\s]+`));
  if (!link) throw new Error(`no ${path} link in: ${text}`);
  return link[0];
}

async function runJobs() {
  while ((await test.context.jobs.runDue()) > 0) {}
}

/** Appends an event, and queues the followers' job for it, as the API does. */
async function announce(commitmentId: string, type: string, data: Record<string, unknown>) {
  const eventId = await addEvent(test, commitmentId, world.owner, type, data);
  await test.context.jobs.enqueue(NOTIFY_SUBSCRIBERS_JOB, { eventIds: [eventId] });
  await runJobs();
}

async function subscriptionsOf(address: string) {
  const rows = await test.context.database.db.select().from(commitmentSubscriptions);
  return rows.filter(
    (row) =>
      test.context.cipher.decrypt(row.address, `commitment_subscriptions.address:${row.id}`) ===
      address,
  );
}

/** As if the address's confirmation email had gone out this long ago. */
async function sentAgo(address: string, interval: string) {
  for (const row of await subscriptionsOf(address)) {
    await test.context.database.db
      .update(commitmentSubscriptions)
      .set({ confirmationSentAt: sql`now() - ${interval}::interval` })
      .where(eq(commitmentSubscriptions.id, row.id));
  }
}

/** Subscribes and confirms through the pages; returns nothing, the row says the rest. */
async function follow(address: string, lang = 'en', path = `/register/programs/${world.circles}`) {
  await subscribe(address, lang, path);
  const [confirmation] = await emailsTo(address, 'register-confirm');
  const link = local(linkIn(confirmation?.textBody ?? '', 'confirm'));
  const confirmed = await post(link, form({ lang }));
  expect(confirmed.status).toBe(200);
}

describe('following a register by email', () => {
  it('asks for confirmation, confirms only by the button, sends updates, and stops at once', async () => {
    const address = 'Follower.One@example.org';
    const requested = await subscribe(address);
    expect(requested.status).toBe(200);
    expect(requested.body).toContain('<h1>Check your email</h1>');
    expect(requested.body).toContain('start following Eastside listening circles');

    const [confirmation] = await emailsTo(address, 'register-confirm');
    expect(confirmation?.subject).toBe(
      'Confirm that you want to follow the commitments of Eastside listening circles',
    );
    const confirmLink = local(linkIn(confirmation?.textBody ?? '', 'confirm'));

    // A mail scanner that follows the link confirms nothing.
    const page = await get(confirmLink);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Confirm that you want to follow</h1>');
    expect(page.body).toContain(
      `<form method="post" action="${confirmLink.replaceAll('&', '&amp;')}">`,
    );
    expect((await subscriptionsOf(address))[0]?.confirmedAt).toBeNull();
    await announce(world.commitments.soon, 'progress_reported', { percent: 50 });
    expect(await emailsTo(address, 'register-update')).toHaveLength(0);

    const confirmed = await post(confirmLink, form({ lang: 'en' }));
    expect(confirmed.body).toContain('<h1>You are following</h1>');
    expect((await subscriptionsOf(address))[0]?.confirmedAt).toBeInstanceOf(Date);

    sink.received.length = 0;
    await announce(world.commitments.soon, 'status_changed', {
      to: 'done',
      reason: 'All 40 officers finished the course.',
    });
    const [update] = await emailsTo(address, 'register-update');
    expect(update?.subject).toBe('Status: Done: Train officers in de-escalation');
    expect(update?.textBody).toContain('All 40 officers finished the course.');
    expect(update?.textBody).not.toContain('Overdue');
    expect(update?.textBody).toContain(`/register/commitments/${world.commitments.soon}?lang=en`);
    for (const secret of [OWNER_NAME, SECRET.recorderName]) {
      expect(update?.textBody).not.toContain(secret);
    }
    const unsubscribeLink = linkIn(update?.textBody ?? '', 'unsubscribe');
    expect(update?.textBody).toContain(`Stop these emails:\n${unsubscribeLink}`);
    expect(update?.preferencesUrl).toBe(unsubscribeLink);
    const delivered = sink.received.find((each) => each.mail.subject === update?.subject);
    const header = (name: string) =>
      delivered?.mail.headerLines.find((line) => line.key === name)?.line ?? '';
    expect(header('list-unsubscribe').replace(/\r?\n\s+/g, ' ')).toBe(
      `List-Unsubscribe: <${unsubscribeLink}>`,
    );
    expect(delivered?.mail.html).toContain(`href="${unsubscribeLink.replaceAll('&', '&amp;')}"`);

    const stopPage = await get(local(unsubscribeLink));
    expect(stopPage.body).toContain('<button type="submit">Stop the emails</button>');
    expect(await subscriptionsOf(address)).toHaveLength(1);
    const stopped = await post(local(unsubscribeLink), form({ lang: 'en' }));
    expect(stopped.status).toBe(200);
    expect(stopped.body).toContain('<h1>You no longer follow these commitments</h1>');
    expect(await subscriptionsOf(address)).toHaveLength(0);

    await announce(world.commitments.soon, 'evidence_added', { text: 'Certificates', links: [] });
    expect(await emailsTo(address, 'register-update')).toHaveLength(1);
    const again = await get(local(unsubscribeLink));
    expect(again.status).toBe(404);
    expect(again.body).toContain('This link no longer works');
  });

  it('answers the same page whether the address is new, waiting or following already', async () => {
    const address = 'repeat@example.org';
    const first = await subscribe(address);
    const waiting = await subscribe(address);
    expect(waiting.body).toBe(first.body);
    // Sent again at most every 10 minutes.
    expect(await emailsTo(address, 'register-confirm')).toHaveLength(1);
    await sentAgo(address, '11 minutes');
    await subscribe(address);
    const emails = await emailsTo(address, 'register-confirm');
    expect(emails).toHaveLength(2);
    await post(local(linkIn(emails[0]?.textBody ?? '', 'confirm')), form({ lang: 'en' }));
    const following = await subscribe(address);
    expect(following.body).toBe(first.body);
    expect(await emailsTo(address, 'register-confirm')).toHaveLength(2);
    expect(await subscriptionsOf(address)).toHaveLength(1);
  });

  it('stops with one click from the mail program, answering 204 without a page', async () => {
    const address = 'one-click@example.org';
    await follow(address, 'en', `/register/organisations/${world.agency}`);
    await announce(world.commitments.overdue, 'progress_reported', { percent: 10 });
    const [update] = await emailsTo(address, 'register-update');
    expect(update?.subject).toBe('Progress: 10%: Publish the stop data every quarter');
    expect(update?.textBody).toContain('Overdue: its due day has passed.');
    const link = local(linkIn(update?.textBody ?? '', 'unsubscribe'));
    const response = await test.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(await subscriptionsOf(address)).toHaveLength(0);
  });

  it('writes one email to someone who follows both the program and an organisation running it, in their language', async () => {
    const address = 'ambos@example.org';
    await follow(address, 'es');
    await follow(address, 'es', `/register/organisations/${world.partner}`);
    const [confirmation] = await emailsTo(address, 'register-confirm');
    expect(confirmation?.subject).toBe(
      'Confirme que quiere seguir los compromisos de Eastside Neighbours United',
    );
    await announce(world.commitments.conference, 'due_date_moved', {
      dueOn: '2031-03-04',
      reason: 'Los vecinos pidieron más tiempo.',
    });
    const updates = await emailsTo(address, 'register-update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.subject).toBe(
      'Nueva fecha de vencimiento: 4 de marzo de 2031: Review the use-of-force policy with residents',
    );
    expect(updates[0]?.textBody).toContain('Dejar de recibir estos correos:');
    expect(updates[0]?.textBody).not.toContain(SECRET.conferenceTitle);
  });

  it('announces a new public commitment, and nothing of a new private one', async () => {
    const address = 'news@example.org';
    await follow(address);
    const fresh = await addCommitment(test, {
      programId: world.circles,
      ownerOrganisationId: world.agency,
      createdBy: world.recorder,
      title: 'Open the station for a community evening',
      dueOn: '2031-05-01',
    });
    const hidden = await addCommitment(test, {
      programId: world.circles,
      ownerOrganisationId: world.agency,
      createdBy: world.recorder,
      title: 'A private promise',
      visibility: 'case_team',
      dueOn: '2031-05-01',
    });
    for (const id of [fresh, hidden]) {
      const [created] = await test.context.database.db
        .select({ id: commitmentEvents.id })
        .from(commitmentEvents)
        .where(eq(commitmentEvents.commitmentId, id));
      await test.context.jobs.enqueue(NOTIFY_SUBSCRIBERS_JOB, { eventIds: [created?.id] });
    }
    await runJobs();
    const updates = await emailsTo(address, 'register-update');
    expect(updates.map((update) => update.subject)).toEqual([
      'New commitment: Open the station for a community evening',
    ]);
    expect(updates[0]?.textBody).toContain('Commitment made, due May 1, 2031');
  });

  it('announces nothing of a commitment that is no longer public', async () => {
    const address = 'quiet@example.org';
    await follow(address);
    await setVisibility(test, world.commitments.done, 'program');
    await announce(world.commitments.done, 'evidence_added', { text: 'Private notes', links: [] });
    expect(await emailsTo(address, 'register-update')).toHaveLength(0);
    await setVisibility(test, world.commitments.done, 'public');
  });
});

describe('what the subscription pages refuse', () => {
  it('shows the form again with a message beside the field for an address that is not one', async () => {
    const response = await subscribe('not an address');
    expect(response.status).toBe(400);
    expect(response.body).toContain(
      '<p class="error" id="email-error">Enter an email address such as name@example.org.</p>',
    );
    expect(response.body).toContain('value="not an address"');
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain('<h1>Commitments of Eastside listening circles</h1>');
  });

  it('says a link is broken (400) or used up (404), readably', async () => {
    const broken = await get('/register/subscriptions/confirm?token=abc.def');
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('This link is incomplete.');
    const address = 'late@example.org';
    await subscribe(address);
    const [confirmation] = await emailsTo(address, 'register-confirm');
    await sentAgo(address, '8 days');
    const expired = await post(local(linkIn(confirmation?.textBody ?? '', 'confirm')), form({}));
    expect(expired.status).toBe(404);
    expect(expired.body).toContain('more than 7 days old');
    expect(await subscriptionsOf(address)).toHaveLength(0);
  });

  it('limits how often one mailbox can be asked for', async () => {
    const address = 'flooded@example.org';
    const answers: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1)
      answers.push((await subscribe(address)).status);
    expect(answers.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers[6]).toBe(429);
    const refused = await subscribe(address, 'es');
    expect(refused.body).toContain('<h1>Demasiadas solicitudes</h1>');
  });
});
