import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../shared/commitments/days.ts';
import { acceptStaffInvitation, setUpFirstAdmin } from './support/accounts.ts';
import { ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { emailsTo, latestEmail } from './support/outbox.ts';
import { screenshot } from './support/screenshot.ts';

// The accountability register from the staff's side, on the real server. The world is built
// through the API: a police agency (from first-run setup) running a program with a community
// organisation, a coordinator of the program, an officer whom the agency's admin verified, and a
// resident who joined by link. In the browser: the coordinator records a promise from a program
// meeting, owned by the officer; the officer reports on it from their own list; the coordinator
// verifies it; a case team's commitment stays out of the resident's sight.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;
const coordinator = { email: 'rosa@eastside.example', password: 'lanterns by the water' } as const;
const officer = { email: 'dana@riverside.example', password: 'a long walk home' } as const;
const programName = 'Traffic stops listening circles';
const promise = 'Publish the traffic stop policy in plain language';
const privatePromise = 'Review the complaint about the stop on Elm Street';
/** A resident who follows the program's public register by email. */
const follower = 'luz.m@example.org';
const STEP_TIMEOUT = 180_000;

interface World {
  organisationId: string;
  programId: string;
  admin: ApiSession;
  coordinator: ApiSession;
  officer: ApiSession;
  resident: ApiSession;
}

let world: World | undefined;
let commitmentId = '';
let privateId = '';

async function buildWorld(): Promise<World> {
  const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
  const { session } = await signInAndSetUpSecondFactor(harness.url, admin);
  const orgPath = `/api/organisations/${organisationId}`;
  const { id: programId } = await session.call<{ id: string }>(`${orgPath}/programs`, 'POST', {
    name: programName,
    partners: [{ name: 'Eastside Community Trust', kind: 'community_organisation' }],
  });
  await session.call(`${orgPath}/invitations`, 'POST', {
    delivery: 'email',
    email: coordinator.email,
    role: 'coordinator',
    programId,
  });
  await acceptStaffInvitation(harness.url, {
    email: coordinator.email,
    name: 'Rosa Marín',
    password: coordinator.password,
  });
  await session.call(`${orgPath}/invitations`, 'POST', {
    delivery: 'email',
    email: officer.email,
    role: 'officer',
  });
  // Invited by the agency's own admin, the officer is verified as they join.
  await acceptStaffInvitation(harness.url, {
    email: officer.email,
    name: 'Dana Reyes',
    password: officer.password,
  });
  const { link } = await session.call<{ link: string }>(`${orgPath}/invitations`, 'POST', {
    delivery: 'link',
    role: 'resident',
    programId,
    maxUses: 10,
  });
  const resident = new ApiSession(harness.url);
  await resident.call('/api/invitations/accept', 'POST', {
    token: new URL(link).hash.slice(1),
    name: 'Luz M.',
    language: 'es',
  });
  return {
    organisationId,
    programId,
    admin: session,
    coordinator: (await signInAndSetUpSecondFactor(harness.url, coordinator)).session,
    officer: (await signInAndSetUpSecondFactor(harness.url, officer)).session,
    resident,
  };
}

function theWorld(): World {
  if (!world) throw new Error('The first test builds the world the others need.');
  return world;
}

/** A page signed in as `session`, in English on a phone. */
async function pageFor(session: ApiSession) {
  const opened = await openPage(harness.browser, { viewport: phone, locale: 'en-US' });
  await session.shareWith(opened.page.context());
  return opened;
}

/** Goes through the header's "Commitments" link, as a person on their phone would. */
async function openMyCommitments(page: Page): Promise<void> {
  await page.goto(`${harness.url}/me`);
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Commitments' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Your commitments' }).waitFor();
}

/** The text of the timeline, entry by entry. */
async function timeline(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'What happened' })
    .getByRole('listitem')
    .filter({ has: page.locator('.timeline__what') })
    .allInnerTexts();
}

describe('the accountability register, from a program meeting to the public page', () => {
  it(
    'should let a coordinator record a commitment from a program meeting, refusing bad input beside each field',
    async () => {
      world = await buildWorld();
      const { programId } = world;
      const today = dayIn('UTC');
      const { page, errors, close } = await pageFor(world.coordinator);
      try {
        await openMyCommitments(page);
        await page.getByText('You own no commitments at the moment.').waitFor();
        await page.getByRole('link', { name: `Commitments of ${programName}` }).click();
        await page
          .getByRole('heading', { level: 1, name: `Commitments of ${programName}` })
          .waitFor();
        await page.getByText('No commitments yet.').waitFor();
        expect(
          await page
            .getByRole('link', { name: 'See this program on the public register' })
            .getAttribute('href'),
        ).toBe(`/register/programs/${programId}`);
        await page.getByRole('link', { name: 'Record a commitment' }).click();
        await page.getByRole('heading', { level: 1, name: 'Record a commitment' }).waitFor();

        // A title far too long and a day that has passed: the server refuses each in turn,
        // beside its field, and what was typed stays.
        const tooLong = `${promise} `.repeat(4).trim();
        await page.getByRole('textbox', { name: 'What is promised' }).fill(tooLong);
        await page
          .getByRole('textbox', { name: 'Where it was promised (optional)' })
          .fill('Program meeting, 12 November');
        await page
          .getByLabel('Person', { exact: true })
          .selectOption({ label: 'Dana Reyes, officer, Riverside Police Department' });
        await page.getByLabel('Due day').fill(addDays(today, -2));
        await page.locator('label.radio', { hasText: 'Public' }).click();
        await page.getByRole('button', { name: 'Record the commitment' }).click();
        const summary = page.locator('.error-summary');
        await summary.getByText('Keep the title under 160 characters.').waitFor();
        expect(await summary.evaluate((node) => node === document.activeElement)).toBe(true);
        const title = page.getByRole('textbox', { name: 'What is promised' });
        expect(await title.getAttribute('aria-invalid')).toBe('true');
        expect(await title.inputValue()).toBe(tooLong);

        await title.fill(promise);
        await page.getByRole('button', { name: 'Record the commitment' }).click();
        await page
          .locator('.field')
          .filter({ has: page.getByLabel('Due day') })
          .getByText('This day has passed. Choose today or a later day.')
          .waitFor();
        expect(await title.inputValue()).toBe(promise);
        await captureEverywhere(page, 'commitments-new-errors');

        await page.getByLabel('Due day').fill(addDays(today, 30));
        await page.getByRole('button', { name: 'Record the commitment' }).click();
        await page.getByRole('heading', { level: 1, name: promise }).waitFor();
        await page.getByText('The commitment is recorded.').waitFor();
        commitmentId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
        expect(
          await page
            .getByRole('link', { name: 'See it on the public register' })
            .getAttribute('href'),
        ).toBe(`${harness.url}/register/commitments/${commitmentId}`);
        expect(await timeline(page)).toEqual([expect.stringContaining('Recorded, due')]);

        // A case team's commitment, owned by a part of the agency rather than a person.
        await page.goto(`${harness.url}/programs/${programId}/commitments/new`);
        await page.getByRole('textbox', { name: 'What is promised' }).fill(privatePromise);
        await page.locator('label.radio', { hasText: 'An organisation' }).click();
        await page
          .getByLabel('Organisation', { exact: true })
          .selectOption({ label: 'Riverside Police Department' });
        await page
          .getByRole('textbox', { name: 'Part of the organisation (optional)' })
          .fill('Professional Standards');
        await page.getByLabel('Due day').fill(addDays(today, 14));
        await page.locator('label.radio', { hasText: 'Case team only' }).click();
        await captureEverywhere(page, 'commitments-new');
        await page.getByRole('button', { name: 'Record the commitment' }).click();
        await page.getByRole('heading', { level: 1, name: privatePromise }).waitFor();
        await page.getByText('Riverside Police Department, Professional Standards').waitFor();
        privateId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
        expect(
          await page.getByRole('link', { name: 'See it on the public register' }).count(),
        ).toBe(0);

        await page.getByRole('link', { name: `All commitments of ${programName}` }).click();
        await page.getByText('Commitments shown: 2').waitFor();
        const cards = page.locator('.commitment-card');
        expect(await cards.allInnerTexts()).toEqual([
          expect.stringMatching(
            new RegExp(`${privatePromise}[\\s\\S]*Planned[\\s\\S]*Case team only`),
          ),
          expect.stringMatching(
            new RegExp(`${promise}[\\s\\S]*Dana Reyes \\(officer, Riverside Police Department\\)`),
          ),
        ]);
        await captureEverywhere(page, 'commitments-program');

        // The spreadsheet holds what the list shows, but never a case team's commitment.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download the list as a spreadsheet (CSV)' }).click(),
        ]);
        const csv = await readFile(await download.path(), 'utf8');
        expect(csv).toContain(promise);
        expect(csv).not.toContain(privatePromise);

        // Filters narrow the list and live in the address.
        await page.locator('summary', { hasText: 'Show only' }).click();
        await page.getByLabel('Due', { exact: true }).selectOption({ label: 'Overdue' });
        await page.getByText('No commitment matches these choices.').waitFor();
        expect(new URL(page.url()).searchParams.get('due')).toBe('overdue');
        await page.getByRole('button', { name: 'Show all commitments' }).click();
        await page.getByText('Commitments shown: 2').waitFor();

        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/programs/${programId}/commitments` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let a resident follow the program’s public register by email, on a phone without JavaScript',
    async () => {
      const { programId } = theWorld();
      const { page, errors, close } = await publicPage('es-MX');
      try {
        await page.goto(`${harness.url}/register/programs/${programId}?lang=es`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByLabel('Su correo electrónico').fill(follower);
        await page.getByRole('button', { name: 'Seguir por correo' }).click();
        await page.getByRole('heading', { level: 1, name: 'Revise su correo' }).waitFor();
        await expectAccessibleAsShown(page);
        await screenshot(page, 'register-follow-check-es-phone');

        // The link in the email shows a button; only the button confirms (mail scanners open
        // links too).
        const confirmation = await latestEmail(harness.url, follower, 'register-confirm');
        const link = /(https?:\/\/\S+\/register\/subscriptions\/confirm\?\S+)/.exec(
          confirmation.textBody,
        )?.[1];
        expect(link).toBeDefined();
        await page.goto(link ?? '');
        await page.getByRole('button', { name: 'Sí, quiero seguir estos compromisos' }).click();
        await page.getByRole('heading', { level: 1, name: 'Ya los está siguiendo' }).waitFor();
        await expectAccessibleAsShown(page);
        await screenshot(page, 'register-following-es-phone');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let the officer report progress with evidence, refuse going back without a reason, then mark it done',
    async () => {
      const { officer: session } = theWorld();
      const { page, errors, close } = await pageFor(session);
      try {
        await openMyCommitments(page);
        const card = page.locator('.commitment-card');
        expect(await card.count()).toBe(1);
        await card.getByText(programName).waitFor();
        await captureEverywhere(page, 'commitments-mine');
        await card.getByRole('link', { name: promise }).click();
        await page.getByRole('heading', { level: 1, name: promise }).waitFor();
        expect(await page.getByRole('heading', { name: 'Verify completion' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Move the due day' }).count()).toBe(0);

        await page.getByLabel('New status').selectOption({ label: 'In progress' });
        expect(await page.getByRole('textbox', { name: 'Why?' }).count()).toBe(0);
        await page.getByRole('textbox', { name: 'Progress, in percent (optional)' }).fill('40');
        await page
          .getByRole('textbox', { name: 'Evidence (optional)' })
          .fill('A first draft went to the community review group.');
        await page
          .getByRole('textbox', { name: 'Link 1 (optional)' })
          .fill('https://example.org/draft-policy');
        await page.getByRole('button', { name: 'Save the update' }).click();
        await page.getByText('Your update is saved.').waitFor();
        await page.getByText('40% done').first().waitFor();
        const started = await timeline(page);
        expect(started.slice(1)).toEqual([
          expect.stringContaining('Status changed from “Planned” to “In progress”.'),
          expect.stringContaining('Progress reported: 40%.'),
          expect.stringMatching(
            /Evidence added\.\s+A first draft went to the community review group\.\s+https:\/\/example\.org\/draft-policy\s+Dana Reyes \(officer\)/,
          ),
        ]);

        await page.getByLabel('New status').selectOption({ label: 'Done' });
        await page
          .getByRole('textbox', { name: 'Evidence (optional)' })
          .fill('Published on the department website.');
        await page.getByRole('button', { name: 'Save the update' }).click();
        await page.locator('.commitment-facts').getByText('Not verified yet').waitFor();

        // Done back to planned is going back: the rules ask why, and the server says so.
        await page.getByLabel('New status').selectOption({ label: 'Planned' });
        const reason = page.getByRole('textbox', { name: 'Why?' });
        await reason.waitFor();
        await page.getByRole('button', { name: 'Save the update' }).click();
        await page
          .locator('.field')
          .filter({ has: reason })
          .getByText('Say why. The people it was promised to will read it.')
          .waitFor();
        expect(await reason.getAttribute('aria-invalid')).toBe('true');
        await captureEverywhere(page, 'commitments-update-reason');
        // Nothing changed on the server.
        const detail = await session.call<{ status: string }>(`/api/commitments/${commitmentId}`);
        expect(detail.status).toBe('done');
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/commitments/${commitmentId}/updates` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it('should tell the resident who follows the register of the officer’s report, evidence and all', async () => {
    const report = await latestEmail(harness.url, follower, 'register-update');
    expect(report.language).toBe('es');
    expect(report.subject).toContain(promise);
    const reports = await emailsTo(harness.url, follower, 'register-update');
    expect(reports.map((email) => email.textBody).join('\n')).toContain(
      'A first draft went to the community review group.',
    );
    // Never a word of the case team's commitment, nor anyone's name.
    for (const email of reports) {
      expect(email.textBody).not.toContain(privatePromise);
      expect(email.textBody).not.toContain('Dana Reyes');
    }
  });

  it(
    'should let the coordinator verify it, with every step on the timeline',
    async () => {
      const { coordinator: session } = theWorld();
      const { page, errors, close } = await pageFor(session);
      try {
        await page.goto(`${harness.url}/commitments/${commitmentId}`);
        await page.getByRole('heading', { level: 1, name: promise }).waitFor();
        await page.getByRole('heading', { name: 'Verify completion' }).waitFor();
        // The due day moves only with a reason, which the server asks for beside the field.
        await page.getByRole('button', { name: 'Move the due day' }).click();
        await page.getByLabel('New due day').fill(addDays(dayIn('UTC'), 45));
        await page.getByRole('button', { name: 'Move the due day' }).click();
        const moveReason = page.getByRole('textbox', { name: 'Why does the day move?' });
        await page
          .locator('.field')
          .filter({ has: moveReason })
          .getByText('Say why. The people it was promised to will read it.')
          .waitFor();
        await moveReason.fill('The review group meets again in January.');
        await page.getByRole('button', { name: 'Move the due day' }).click();
        await page.getByText(/^The due day is now /).waitFor();
        await page.getByRole('button', { name: 'Move the due day' }).waitFor();
        expect(
          await page
            .getByRole('button', { name: 'Move the due day' })
            .evaluate((button) => button === document.activeElement),
        ).toBe(true);

        await page
          .getByRole('textbox', { name: 'Note (optional)' })
          .fill('Read the published policy on the website.');
        await captureEverywhere(page, 'commitments-verify');
        await page.getByRole('button', { name: 'Verify completion' }).click();
        await page.getByText('The commitment is verified.').waitFor();
        await page.locator('.commitment-facts').getByText('Verified', { exact: true }).waitFor();
        expect(await page.getByRole('heading', { name: 'Verify completion' }).count()).toBe(0);
        expect(await timeline(page)).toEqual([
          expect.stringMatching(/^Recorded, due .+\s+Rosa Marín/),
          expect.stringMatching(
            /^Status changed from “Planned” to “In progress”\.\s+Dana Reyes \(officer\)/,
          ),
          expect.stringMatching(/^Progress reported: 40%\.\s+Dana Reyes \(officer\)/),
          expect.stringMatching(/^Evidence added\./),
          expect.stringMatching(
            /^Status changed from “In progress” to “Done”\.\s+Dana Reyes \(officer\)/,
          ),
          expect.stringMatching(/^Evidence added\.\s+Published on the department website\./),
          expect.stringMatching(
            /^Due day moved to .+\.\s+Why: The review group meets again in January\.\s+Rosa Marín/,
          ),
          expect.stringMatching(
            /^Completion verified\.\s+Note: Read the published policy on the website\.\s+Rosa Marín/,
          ),
        ]);
        await captureEverywhere(page, 'commitments-verified');
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/commitments/${commitmentId}/due-date` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should lead from the organisation page’s program to its commitments',
    async () => {
      const { admin: session, organisationId, programId } = theWorld();
      const { page, errors, close } = await pageFor(session);
      try {
        await page.goto(`${harness.url}/organisations/${organisationId}`);
        await page.getByRole('link', { name: `Commitments of ${programName}` }).click();
        await page
          .getByRole('heading', { level: 1, name: `Commitments of ${programName}` })
          .waitFor();
        expect(new URL(page.url()).pathname).toBe(`/programs/${programId}/commitments`);
        await page.getByText('Commitments shown: 2').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should keep a case team’s commitment out of a resident’s list of the program',
    async () => {
      const { resident, programId } = theWorld();
      const opened = await openPage(harness.browser, { viewport: phone, locale: 'es-MX' });
      await resident.shareWith(opened.page.context());
      const { page, errors, close } = opened;
      try {
        await page.goto(`${harness.url}/programs/${programId}/commitments`);
        await page
          .getByRole('heading', { level: 1, name: `Compromisos de ${programName}` })
          .waitFor();
        await page.getByText('Compromisos mostrados: 1').waitFor();
        await page.getByRole('link', { name: promise }).waitFor();
        await page.locator('.commitment-card').getByText('Verificado').waitFor();
        expect(await page.getByText(privatePromise).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Registrar un compromiso' }).count()).toBe(0);
        // Residents read which organisation answers for it, never a person's name.
        const card = (await page.locator('.commitment-card').textContent()) ?? '';
        expect(card).toContain('Riverside Police Department');
        expect(card).not.toContain('Dana Reyes');
        await captureEverywhere(page, 'commitments-resident');

        // Its own address tells them no more than an address that leads nowhere.
        await page.goto(`${harness.url}/commitments/${privateId}`);
        await page.getByText('Este compromiso no existe o no está compartido con usted.').waitFor();
        expect(await page.getByText(privatePromise).count()).toBe(0);
        await captureEverywhere(page, 'commitments-not-found');
        expect(
          withoutExpectedResponses(errors, [
            { status: 404, path: `/api/commitments/${privateId}` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should show the promise on the public register in English and Spanish, and the case team’s nowhere public',
    async () => {
      const { programId, organisationId } = theWorld();
      const { page, errors, close } = await publicPage('en-US');
      try {
        await page.goto(`${harness.url}/register/organisations/${organisationId}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const card = page.locator('article', { hasText: promise });
        await card.getByText('Verified').waitFor();
        const listed = (await page.locator('body').textContent()) ?? '';
        expect(listed).not.toContain(privatePromise);
        expect(listed).not.toContain('Dana Reyes');
        await expectAccessibleAsShown(page);
        await screenshot(page, 'register-organisation-en-phone');

        await card.getByRole('link', { name: promise }).click();
        await page.getByRole('heading', { level: 1, name: promise }).waitFor();
        const story = (await page.locator('main').textContent()) ?? '';
        expect(story).toContain('A first draft went to the community review group.');
        expect(story).toContain('Completion verified');
        expect(story).not.toContain('Dana Reyes');
        await expectAccessibleAsShown(page);
        await screenshot(page, 'register-commitment-en-phone');

        await page.getByRole('link', { name: 'Español' }).click();
        await page.getByRole('heading', { level: 1, name: promise }).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe('es');
        await page.getByText('Cumplimiento verificado').first().waitFor();
        await expectAccessibleAsShown(page);
        await screenshot(page, 'register-commitment-es-phone');
        await page.setViewportSize(desktop);
        await screenshot(page, 'register-commitment-es-desktop');

        // A case team's commitment has no public address, and is in no feed or spreadsheet.
        const hidden = await page.goto(`${harness.url}/register/commitments/${privateId}`);
        expect(hidden?.status()).toBe(404);
        for (const path of [
          `/register/programs/${programId}`,
          `/register/programs/${programId}/feed.atom`,
          `/register/programs/${programId}/commitments.csv`,
          `/register/organisations/${organisationId}/feed.atom`,
          `/register/organisations/${organisationId}/commitments.csv`,
        ]) {
          const answer = await page.request.get(`${harness.url}${path}`);
          expect(answer.status(), path).toBe(200);
          const body = await answer.text();
          expect(body, path).toContain(promise);
          expect(body, path).not.toContain(privatePromise);
          expect(body, path).not.toContain('Dana Reyes');
        }
        expect(
          withoutExpectedResponses(errors, [
            { status: 404, path: `/register/commitments/${privateId}` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it('should lead anyone from the home page to the registers of the organisations', async () => {
    const { organisationId } = theWorld();
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(harness.url);
      await page.getByRole('link', { name: 'See who has promised what' }).click();
      await page.getByRole('heading', { level: 1, name: 'Who has promised what' }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'register-index-en-phone');
      await page.getByRole('link', { name: `Commitments of ${admin.organisation}` }).click();
      await page.waitForURL(`**/register/organisations/${organisationId}?lang=en`);
      await page.getByRole('link', { name: promise }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/**
 * An axe check of what a page without JavaScript shows: axe is a script, so it runs on the same
 * HTML in a page that may run one.
 */
async function expectAccessibleAsShown(page: Page): Promise<void> {
  const html = await page.content();
  const checker = await openPage(harness.browser, { viewport: page.viewportSize() ?? phone });
  try {
    await checker.page.goto(`${harness.url}/health`);
    await checker.page.setContent(html, { waitUntil: 'load' });
    await expectNoAxeViolations(checker.page);
  } finally {
    await checker.close();
  }
}

/** A phone with JavaScript turned off: the public register must read without it. */
function publicPage(locale: string) {
  return openPage(harness.browser, { viewport: phone, locale, javaScriptEnabled: false });
}
