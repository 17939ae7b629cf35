import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../shared/commitments/days.ts';
import { acceptStaffInvitation, setUpFirstAdmin } from './support/accounts.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import {
  desktop,
  type OpenedPage,
  openPage,
  phone,
  withoutExpectedResponses,
} from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// A community conference about an officer's conduct, from a resident's referral to its closure,
// on the real server, as the people in it do it. The world is built through the API as other
// tests build it: a police agency (from first-run setup) running a program with a community
// organisation, Rosa its coordinator, Sam a facilitator and Amara an oversight reviewer. In the
// browser: Rosa sets the program up for complaints about officers and makes its referral link;
// Luz refers a complaint on her phone, in Spanish, and keeps her status link; Rosa screens it and
// Amara signs the screening off; Rosa accepts the case, builds its team and adds Luz and the
// officer, Dana, as parties; scheduling before both consented is refused with its reason; each
// consents through their own link (Luz in Spanish on her phone); Dana withdraws mid-way and the
// case pauses with nothing lost, then consents again; the conference is scheduled with its
// script and held; an agreement with a restitution schedule is written, confirmed and followed
// (a payment, items settled); Amara signs the closure off; Luz's status link shows the outcome
// and the agency's admin sees the decision and completion, never a statement.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;
const coordinator = {
  name: 'Rosa Marín',
  email: 'rosa@eastside.example',
  password: 'lanterns by the water',
} as const;
const facilitator = {
  name: 'Sam Okafor',
  email: 'sam@eastside.example',
  password: 'a kettle on the stove',
} as const;
const reviewer = {
  name: 'Amara Chen',
  email: 'amara@oversight.example',
  password: 'stones across the creek',
} as const;
const programName = 'Officer conduct conferences';
const partner = 'Eastside Community Trust';
const luz = 'Luz Morales';
const dana = 'Dana Reyes';
const incident =
  'En la parada del autobús el agente me gritó y no me quiso decir por qué me detenía.';
const STEP_TIMEOUT = 300_000;

interface World {
  organisationId: string;
  programId: string;
  admin: ApiSession;
  coordinator: ApiSession;
  reviewer: ApiSession;
}

let world: World | undefined;
let referralLink = '';
let statusLink = '';
let reference = '';
let caseUrl = '';
let luzLink = '';
let danaLink = '';
/** Luz's and Dana's phones keep the session their link gave them, for their next visit. */
let luzPhone: OpenedPage | undefined;
let danaPhone: OpenedPage | undefined;

async function invite(
  session: ApiSession,
  organisationId: string,
  person: { name: string; email: string; password: string },
  role: string,
  programId: string,
): Promise<ApiSession> {
  await session.call(`/api/organisations/${organisationId}/invitations`, 'POST', {
    delivery: 'email',
    email: person.email,
    role,
    programId,
  });
  await acceptStaffInvitation(harness.url, person);
  return (await signInAndSetUpSecondFactor(harness.url, person)).session;
}

async function buildWorld(): Promise<World> {
  const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
  const { session } = await signInAndSetUpSecondFactor(harness.url, admin);
  const { id: programId } = await session.call<{ id: string }>(
    `/api/organisations/${organisationId}/programs`,
    'POST',
    { name: programName, partners: [{ name: partner, kind: 'community_organisation' }] },
  );
  // Sam is chosen for the case team in the pages; nobody signs in as him here.
  await invite(session, organisationId, facilitator, 'facilitator', programId);
  return {
    organisationId,
    programId,
    admin: session,
    coordinator: await invite(session, organisationId, coordinator, 'coordinator', programId),
    reviewer: await invite(session, organisationId, reviewer, 'oversight_reviewer', programId),
  };
}

function theWorld(): World {
  if (!world) throw new Error('The first test builds the world the others need.');
  return world;
}

/** A browser of its own for one person, signed in as `session` when given. */
async function browserFor(
  options: { phone?: boolean; locale?: string; session?: ApiSession } = {},
): Promise<OpenedPage> {
  const opened = await openPage(harness.browser, {
    viewport: options.phone ? phone : desktop,
    locale: options.locale ?? 'en-US',
    ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
  });
  if (options.session) await options.session.shareWith(opened.page.context());
  return opened;
}

/** Axe at a phone's and a laptop's width, the page as it is now; the size is put back. */
async function expectAccessibleAtBothSizes(page: Page): Promise<void> {
  const size = page.viewportSize() ?? desktop;
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize(size);
}

/** Taps the option of a radio group whose words begin with `words` (not "Not …"). */
async function choose(scope: Page | Locator, words: string): Promise<void> {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await scope
    .locator('label.radio')
    .filter({ hasText: new RegExp(`^${escaped}`) })
    .click();
}

/** A section of the case page by its heading. */
function section(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: heading, exact: true });
}

/** Waits until the step indicator marks `stage` as the case's current stage. */
async function waitForStage(page: Page, stage: string): Promise<void> {
  await page
    .locator('.stage-steps [aria-current="step"] .stage-steps__name', {
      hasText: new RegExp(`^${stage}$`),
    })
    .waitFor();
}

/** The API's address of the case open in `caseUrl`, with `rest` after it. */
const caseApi = (rest: string) =>
  `/api/conferences/${new URL(caseUrl).pathname.split('/').at(-1) ?? ''}${rest}`;

describe('a community conference about an officer’s conduct, from referral to closure', () => {
  it(
    'should let the coordinator set the program up for complaints about officers and make its referral link',
    async () => {
      world = await buildWorld();
      const { page, errors, close } = await browserFor({ session: world.coordinator });
      try {
        await page.goto(`${harness.url}/me`);
        await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Cases' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Your cases' }).waitFor();
        await page.getByText('You are not a party to any conference at the moment.').waitFor();
        await expectAccessibleAtBothSizes(page);
        await page.getByRole('link', { name: `Conferences of ${programName}` }).click();
        await page.getByText('No cases yet.', { exact: false }).waitFor();
        await page.getByRole('link', { name: 'Settings and referral link' }).click();
        await page
          .getByRole('heading', { level: 1, name: `Conference settings of ${programName}` })
          .waitFor();

        // An officer-conduct program: its agency, and the categories it hears.
        await page
          .locator('label.checkbox', {
            hasText: 'This program hears complaints about officers’ conduct',
          })
          .click();
        await page.getByLabel('The police agency').selectOption({ label: admin.organisation });
        await page.getByRole('textbox', { name: 'Name of the category' }).fill('Rude remarks');
        await page.getByRole('button', { name: 'Add the category' }).click();
        await page.getByRole('button', { name: 'Save the settings' }).click();
        await page.getByText('The settings are saved.').waitFor();
        await captureEverywhere(page, 'conferences-settings');

        await page.getByRole('button', { name: 'Make a referral link' }).click();
        const link = page.getByTestId('referral-link');
        await link.waitFor();
        referralLink = ((await link.textContent()) ?? '').trim();
        expect(referralLink).toMatch(/\/conferences\/refer#[\w-]{16,}$/);
        await page.getByRole('button', { name: 'Done' }).click();
        await page.getByText('A referral link is active.', { exact: false }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let a resident refer a complaint on her phone, in Spanish, with a message beside a missing answer',
    async () => {
      const { page, errors, close } = await browserFor({ phone: true, locale: 'es-MX' });
      try {
        await page.goto(referralLink);
        await page.getByRole('heading', { level: 1, name: 'Cuéntenos lo que pasó' }).waitFor();
        await page.getByText(`${programName}, ${admin.organisation}`).waitFor();
        await page
          .getByText('Nunca se muestra al personal disciplinario de la agencia de policía.', {
            exact: false,
          })
          .waitFor();

        // A name far too long and nothing about what happened: the server names each answer
        // beside its field, and what was typed stays.
        const tooLong = `${luz} `.repeat(12).trim();
        await choose(page, 'Soy la persona que sufrió el daño');
        const name = page.getByRole('textbox', { name: 'Su nombre' });
        await name.fill(tooLong);
        await page.getByRole('textbox', { name: '¿Cómo podemos contactarle?' }).fill('555-0123');
        await page.getByLabel('¿Qué tipo de daño fue?').selectOption({ label: 'Descortesía' });
        await page
          .getByRole('textbox', { name: '¿Quiénes estuvieron involucrados? (opcional)' })
          .fill('Yo y un agente, placa 2231');
        await choose(page, 'Pronto');
        await page.getByRole('button', { name: 'Enviar la derivación' }).click();
        const summary = page.getByRole('textbox', { name: '¿Qué pasó?' });
        await page
          .locator('.field')
          .filter({ has: summary })
          .getByText('Escriba lo que pasó. Unas pocas frases bastan.')
          .waitFor();
        await page
          .locator('.field')
          .filter({ has: name })
          .getByText('El nombre debe tener menos de 120 caracteres.')
          .waitFor();
        expect(await summary.getAttribute('aria-invalid')).toBe('true');
        expect(await name.inputValue()).toBe(tooLong);
        expect(
          await page.getByRole('textbox', { name: '¿Cómo podemos contactarle?' }).inputValue(),
        ).toBe('555-0123');
        await captureEverywhere(page, 'conferences-referral-errors');

        await name.fill(luz);
        await summary.fill(incident);
        await page
          .getByLabel('¿Cuándo pasó? (opcional)')
          .fill(addDays(dayIn('America/Chicago'), -3));
        await captureEverywhere(page, 'conferences-referral');
        await page.getByRole('button', { name: 'Enviar la derivación' }).click();
        await page
          .getByRole('heading', { level: 1, name: 'Gracias. Hemos recibido su derivación.' })
          .waitFor();
        reference = ((await page.getByTestId('referral-reference').textContent()) ?? '').trim();
        expect(reference).not.toBe('');
        statusLink = ((await page.getByTestId('referral-status-link').textContent()) ?? '').trim();
        expect(statusLink).toMatch(/\/conferences\/referral-status#[\w-]{16,}$/);
        await page.getByText('No podemos volver a mostrárselo', { exact: false }).waitFor();
        await captureEverywhere(page, 'conferences-referral-received');

        // Her status link shows that it is received, and nothing of what she wrote.
        await page.goto(statusLink);
        await page.getByRole('heading', { level: 1, name: `Derivación ${reference}` }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Recibida' }).waitFor();
        expect(await page.getByText(incident).count()).toBe(0);
        await expectAccessibleAtBothSizes(page);
        expect(
          withoutExpectedResponses(errors, [{ status: 400, path: '/api/conference-referral' }]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let the coordinator screen the referral and the oversight reviewer sign the screening off',
    async () => {
      const { coordinator: rosaSession, reviewer: amaraSession } = theWorld();
      const rosa = await browserFor({ session: rosaSession });
      const amara = await browserFor({ session: amaraSession, phone: true });
      try {
        const page = rosa.page;
        await page.goto(`${harness.url}/conferences/mine`);
        await page.getByRole('link', { name: `Conferences of ${programName}` }).click();
        const referrals = page.getByRole('region', { name: /^Referral/ });
        const card = referrals.getByRole('listitem').filter({ hasText: reference });
        await card.getByText('Discourtesy').waitFor();
        await card.getByText('Soon').waitFor();
        await card.getByText('Officer conduct').waitFor();
        await captureEverywhere(page, 'conferences-board');
        await page.getByRole('link', { name: reference }).click();
        await page.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();
        caseUrl = page.url();
        await section(page, 'Referral').getByText(incident).waitFor();
        await waitForStage(page, 'Referral');

        await page.getByRole('button', { name: 'Begin screening' }).click();
        await page.getByText('Screening has begun.').waitFor();
        const screening = section(page, 'Screening');
        await screening.getByText('Discourtesy is eligible for a conference.').waitFor();
        await choose(
          screening.getByRole('radiogroup', { name: 'Is the case eligible?' }),
          'Eligible',
        );
        await screening
          .getByRole('textbox', { name: 'Reason' })
          .fill('Discourtesy at a stop: the kind of harm a conference can repair.');
        await screening.getByRole('button', { name: 'Record eligibility' }).click();
        await page.getByText('Eligibility is recorded.').waitFor();
        await choose(
          screening.getByRole('radiogroup', { name: 'Would a conference be safe?' }),
          'Safe',
        );
        await choose(
          screening.getByRole('radiogroup', {
            name: 'Does every party take part of their own will?',
          }),
          'Every party',
        );
        await screening.getByRole('button', { name: 'Record the assessment' }).click();
        await page.getByText('The assessment is recorded.').waitFor();
        await screening.getByText('Waiting for the oversight reviewer.').waitFor();
        expect(await page.getByRole('button', { name: 'Accept for a conference' }).count()).toBe(0);
        await captureEverywhere(page, 'conferences-case-screening');

        // Amara finds the sign-off waiting, reads the decisions (never the words), approves.
        const reviewerPage = amara.page;
        await reviewerPage.goto(`${harness.url}/conferences/mine`);
        await reviewerPage
          .getByRole('link', { name: `Sign-offs waiting in ${programName}` })
          .click();
        await reviewerPage.getByRole('link', { name: `Screening of case ${reference}` }).click();
        await reviewerPage
          .getByRole('heading', { level: 1, name: `Oversight of case ${reference}` })
          .waitFor();
        await reviewerPage.getByText('Discourtesy at a stop', { exact: false }).waitFor();
        expect(await reviewerPage.getByText(incident).count()).toBe(0);
        await captureEverywhere(reviewerPage, 'conferences-oversight');
        await choose(reviewerPage, 'Approve');
        await reviewerPage.getByRole('button', { name: 'Send my decision' }).click();
        await reviewerPage.getByText('Your approval is recorded.').waitFor();
        await reviewerPage.getByText('Nothing on this case waits for you now.').waitFor();

        await page.reload();
        await screening.getByText('Approved.').waitFor();
        await page.getByRole('button', { name: 'Accept for a conference' }).click();
        await page.getByText('The case is accepted. Preparation begins.').waitFor();
        await waitForStage(page, 'Preparation');
        expect(rosa.errors).toEqual([]);
        expect(amara.errors).toEqual([]);
      } finally {
        await rosa.close();
        await amara.close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should refuse to schedule before both parties consented, with the reason beside the form and nothing typed lost',
    async () => {
      const { coordinator: rosaSession } = theWorld();
      const { page, errors, close } = await browserFor({ session: rosaSession });
      try {
        await page.goto(caseUrl);
        await page.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();
        const team = section(page, 'Case team');
        await team
          .getByLabel('Person')
          .selectOption({ label: `${facilitator.name} (Facilitator)` });
        await team.getByLabel('Role on the team').selectOption({ label: 'Lead facilitator' });
        await team.getByRole('button', { name: 'Assign' }).click();
        await team.getByText(`${facilitator.name}, Lead facilitator`).waitFor();

        const parties = section(page, 'Parties');
        await parties.getByLabel('Role', { exact: true }).selectOption({ label: 'Person harmed' });
        await parties.getByRole('textbox', { name: 'Name', exact: true }).fill(luz);
        await choose(parties.getByRole('radiogroup', { name: 'Language' }), 'Español');
        await parties.getByRole('button', { name: 'Add the party' }).click();
        luzLink = ((await parties.getByTestId('party-link').textContent()) ?? '').trim();
        expect(luzLink).toMatch(/\/conferences\/join#[\w-]{16,}$/);
        await parties.getByRole('button', { name: 'Done' }).click();

        await parties
          .getByLabel('Role', { exact: true })
          .selectOption({ label: 'Person responsible' });
        await parties.getByRole('textbox', { name: 'Name', exact: true }).fill(dana);
        await choose(parties.getByRole('radiogroup', { name: 'Language' }), 'English');
        await parties.getByRole('button', { name: 'Add the party' }).click();
        danaLink = ((await parties.getByTestId('party-link').textContent()) ?? '').trim();
        await parties.getByRole('button', { name: 'Done' }).click();
        await parties.getByText('Consented: 0 of 2').waitFor();

        // A preparation record, to find again after a withdrawal.
        const records = section(page, 'Preparation records and notes');
        await records.getByLabel('About').selectOption({ label: luz });
        await records
          .getByRole('textbox', { name: 'Record', exact: true })
          .fill('Met Luz at the library. She wants the officer to hear how the stop felt.');
        await records.getByRole('button', { name: 'Add the record' }).click();
        await page.getByText('The record is added.').waitFor();

        const schedule = section(page, 'The conference');
        const when = `${addDays(dayIn('America/Chicago'), 14)}T18:00`;
        await schedule.getByLabel('Date and time').fill(when);
        await choose(schedule, 'In person');
        await schedule.getByRole('textbox', { name: 'Place' }).fill('Eastside Library, room 2');
        await schedule.getByRole('button', { name: 'Schedule' }).click();
        await schedule.getByText('Every party must give their consent first.').waitFor();
        expect(await schedule.getByRole('textbox', { name: 'Place' }).inputValue()).toBe(
          'Eastside Library, room 2',
        );
        expect(await schedule.getByLabel('Date and time').inputValue()).toBe(when);
        // Nothing changed: no conference is set, and the case is still being prepared.
        await schedule.getByText('Not scheduled yet.').waitFor();
        await waitForStage(page, 'Preparation');
        await captureEverywhere(page, 'conferences-case-refused');
        expect(
          withoutExpectedResponses(errors, [{ status: 409, path: caseApi('/schedule') }]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let each party consent through their own link, one in Spanish on her phone, and pause the case while one withdraws',
    async () => {
      // Luz, on her phone, in Spanish.
      luzPhone = await browserFor({ phone: true, locale: 'es-MX' });
      const luzPage = luzPhone.page;
      await luzPage.goto(luzLink);
      await luzPage
        .getByRole('heading', { level: 1, name: 'Le invitamos a una conferencia restaurativa' })
        .waitFor();
      await luzPage.getByText('la persona que sufrió el daño', { exact: false }).waitFor();
      await expectAccessibleAtBothSizes(luzPage);
      await luzPage.getByRole('button', { name: 'Continuar' }).click();
      await luzPage.getByRole('heading', { level: 1, name: 'Su conferencia' }).waitFor();
      await luzPage.getByText('Todavía no hay fecha.', { exact: false }).waitFor();
      await luzPage
        .getByRole('textbox', { name: 'Escriba su nombre completo como firma' })
        .fill(luz);
      await luzPage.getByRole('button', { name: 'Acepto' }).click();
      await luzPage.getByText('Usted dio su consentimiento el', { exact: false }).waitFor();
      await captureEverywhere(luzPage, 'conferences-party');

      // Dana, on a laptop, in English.
      danaPhone = await browserFor();
      const danaPage = danaPhone.page;
      await danaPage.goto(danaLink);
      await danaPage
        .getByRole('heading', { level: 1, name: 'You are invited to a restorative conference' })
        .waitFor();
      await danaPage.getByRole('button', { name: 'Continue' }).click();
      await danaPage.getByRole('heading', { level: 1, name: 'Your conference' }).waitFor();
      await danaPage
        .getByRole('textbox', { name: 'Type your full name as your signature' })
        .fill(dana);
      await danaPage.getByRole('button', { name: 'I agree' }).click();
      await danaPage.getByText('You gave your consent on', { exact: false }).waitFor();

      // Dana withdraws: the dialog says what happens; the case pauses.
      await danaPage.getByRole('button', { name: 'Withdraw my consent' }).click();
      const dialog = danaPage.getByRole('dialog', { name: 'Withdraw your consent?' });
      await dialog
        .getByText('The case will pause. Nothing that was recorded is lost', { exact: false })
        .waitFor();
      await expectNoAxeViolations(danaPage);
      await dialog.getByRole('button', { name: 'Withdraw my consent' }).click();
      await danaPage.getByText('You withdrew your consent on', { exact: false }).waitFor();
      await danaPage
        .getByText('The case is paused while someone reconsiders', { exact: false })
        .waitFor();

      const { coordinator: rosaSession } = theWorld();
      const rosa = await browserFor({ session: rosaSession, phone: true });
      try {
        const page = rosa.page;
        await page.goto(caseUrl);
        await page.getByText('This case is paused').waitFor();
        await section(page, 'Parties').getByText('Consent withdrawn').waitFor();
        await section(page, 'Timeline')
          .getByText(`${dana} withdrew their consent. The case paused.`)
          .waitFor();
        // Nothing is lost: the preparation record is still there.
        await page.getByRole('button', { name: 'Read the records' }).click();
        await section(page, 'Preparation records and notes')
          .getByText('She wants the officer to hear how the stop felt.', { exact: false })
          .waitFor();
        await page.goto(`${harness.url}/programs/${theWorld().programId}/conferences`);
        await page
          .getByRole('listitem')
          .filter({ hasText: reference })
          .getByText('Paused')
          .waitFor();

        // Dana gives her consent again; the pause ends.
        await danaPage
          .getByRole('textbox', { name: 'Type your full name as your signature' })
          .fill(dana);
        await danaPage.getByRole('button', { name: 'I agree' }).click();
        await danaPage.getByText('You gave your consent on', { exact: false }).waitFor();
        await page.goto(caseUrl);
        await section(page, 'Parties').getByText('Consented: 2 of 2').waitFor();
        expect(await page.getByText('This case is paused').count()).toBe(0);
        expect(rosa.errors).toEqual([]);
        expect(luzPhone.errors).toEqual([]);
        expect(danaPhone.errors).toEqual([]);
      } finally {
        await rosa.close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should schedule and hold the conference with its script, then record and confirm an agreement with a restitution schedule',
    async () => {
      const { coordinator: rosaSession } = theWorld();
      const { page, errors, close } = await browserFor({ session: rosaSession });
      try {
        await page.goto(caseUrl);
        const schedule = section(page, 'The conference');
        const when = `${addDays(dayIn('America/Chicago'), 14)}T18:00`;
        // First online: the case gets its room, and Luz finds the way in on her page.
        await schedule.getByLabel('Date and time').fill(when);
        await choose(schedule, 'Online');
        await schedule.getByRole('button', { name: 'Schedule' }).click();
        await page.getByText('The conference is scheduled.').waitFor();
        await schedule.getByRole('link', { name: 'Open the online room' }).waitFor();
        if (!luzPhone) throw new Error('Luz’s phone is opened by an earlier test.');
        const luzPage = luzPhone.page;
        await luzPage.reload();
        await luzPage.getByText('La conversación es por escrito', { exact: false }).waitFor();
        await luzPage.getByRole('link', { name: 'Ir a la sala de la conferencia' }).click();
        await luzPage
          .getByText('Esta es la sala privada de una conferencia restaurativa', { exact: false })
          .waitFor();
        await expectAccessibleAtBothSizes(luzPage);
        await captureEverywhere(luzPage, 'conferences-room');
        await luzPage.goBack();

        // Then moved to a place: the room is cancelled, and the conference meets in person.
        await schedule.getByLabel('Date and time').fill(when);
        await choose(schedule, 'In person');
        await schedule.getByRole('textbox', { name: 'Place' }).fill('Eastside Library, room 2');
        await schedule.getByRole('button', { name: 'Schedule' }).click();
        await page.getByText('The conference is scheduled.').waitFor();
        await waitForStage(page, 'Conference scheduled');
        await schedule.getByText('Eastside Library, room 2').waitFor();

        // The script, by role, in either language.
        const script = section(page, 'Script');
        await script.getByText('Facilitator').first().waitFor();
        await script.getByText('Person harmed').first().waitFor();
        const englishSteps = await script.locator('.script-step__heading').allTextContents();
        expect(englishSteps.length).toBeGreaterThan(2);
        await choose(script.getByRole('radiogroup', { name: 'Language of the script' }), 'Español');
        await script.locator('ol[lang="es"]').waitFor();
        await captureEverywhere(page, 'conferences-case');

        await page.getByRole('button', { name: 'Record the conference as held' }).click();
        await page.getByText('The conference is recorded as held.').waitFor();
        await page.getByRole('button', { name: 'Begin the agreement' }).click();
        await page.getByText('The agreement is begun.').waitFor();

        // Restitution of $300 in three monthly payments, paid by Dana.
        const agreement = section(page, 'Agreement');
        const today = dayIn('America/Chicago');
        await agreement.getByLabel('Kind of item').selectOption({ label: 'Restitution' });
        await agreement
          .getByRole('textbox', { name: 'What is agreed' })
          .fill('Dana pays for the bus pass Luz lost that day.');
        await agreement
          .getByLabel('Party', { exact: true })
          .selectOption({ label: `${dana} (Person responsible)` });
        await agreement.getByLabel('Due', { exact: true }).fill(addDays(today, 120));
        await agreement
          .getByRole('textbox', { name: 'How completion is verified' })
          .fill('Receipts given to the facilitator.');
        await agreement.getByRole('textbox', { name: 'Amount', exact: true }).fill('300');
        await agreement.getByRole('textbox', { name: 'Number of payments' }).fill('3');
        await agreement.getByLabel('First payment due').fill(addDays(today, 30));
        await agreement.getByRole('button', { name: 'Make monthly payments' }).click();
        await agreement.getByText('The payments add up to $300.00 of $300.00.').waitFor();
        await agreement.getByRole('button', { name: 'Add the item' }).click();
        await page.getByText('The item is added.').waitFor();

        await agreement.getByLabel('Kind of item').selectOption({ label: 'Apology' });
        await agreement
          .getByRole('textbox', { name: 'What is agreed' })
          .fill('Dana writes to Luz to apologise for shouting.');
        await agreement
          .getByLabel('Party', { exact: true })
          .selectOption({ label: `${dana} (Person responsible)` });
        await agreement.getByLabel('Due', { exact: true }).fill(addDays(today, 14));
        await agreement
          .getByRole('textbox', { name: 'How completion is verified' })
          .fill('Luz tells the facilitator she received the letter.');
        await agreement.getByRole('button', { name: 'Add the item' }).click();
        await agreement.getByRole('heading', { level: 3, name: 'Apology' }).waitFor();
        const restitution = agreement.getByRole('listitem').filter({
          has: page.getByRole('heading', { level: 3, name: 'Restitution' }),
        });
        expect(
          await restitution
            .getByRole('table', { name: 'Payments agreed' })
            .getByRole('row')
            .count(),
        ).toBe(4);

        await page.getByRole('button', { name: 'Confirm the agreement' }).click();
        await page.getByText('The agreement is confirmed. Monitoring begins.').waitFor();
        await waitForStage(page, 'Monitoring');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should follow the agreement: the party reads it on her phone, a payment is recorded and the items are settled',
    async () => {
      if (!luzPhone) throw new Error('Luz’s phone is opened by an earlier test.');
      const luzPage = luzPhone.page;
      await luzPage.reload();
      await luzPage.getByRole('heading', { level: 2, name: 'El acuerdo' }).waitFor();
      await luzPage.getByText('Dana pays for the bus pass Luz lost that day.').waitFor();
      await luzPage.getByText('Eastside Library, room 2').waitFor();
      await captureEverywhere(luzPage, 'conferences-party-agreement');

      const { coordinator: rosaSession } = theWorld();
      const { page, errors, close } = await browserFor({ session: rosaSession });
      try {
        await page.goto(caseUrl);
        const agreement = section(page, 'Agreement');
        const restitution = agreement.getByRole('listitem').filter({
          has: page.getByRole('heading', { level: 3, name: 'Restitution' }),
        });
        await restitution.getByText('Record a payment').click();
        await restitution.getByRole('textbox', { name: 'Amount paid' }).fill('100');
        await restitution.getByRole('button', { name: 'Record the payment' }).click();
        await page.getByText('The payment is recorded.').waitFor();
        await restitution.getByText('Paid: $100.00 of $300.00').waitFor();

        await page.getByRole('button', { name: 'Mark Apology as done' }).click();
        await page.getByText('The item is settled.').waitFor();
        await page.getByRole('button', { name: 'Mark Restitution as done' }).click();
        await section(page, 'Timeline').getByText('Item done: Restitution.').waitFor();

        await page.goto(`${harness.url}/programs/${theWorld().programId}/conferences/overdue`);
        await page.getByText('No item is overdue.').waitFor();
        await expectAccessibleAtBothSizes(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should close the case through the oversight reviewer’s sign-off, show the outcome to the referrer and completion to the agency',
    async () => {
      const { coordinator: rosaSession, reviewer: amaraSession, admin: adminSession } = theWorld();
      const rosa = await browserFor({ session: rosaSession });
      const amara = await browserFor({ session: amaraSession });
      const agency = await browserFor({ session: adminSession });
      const referrer = await browserFor({ phone: true, locale: 'es-MX' });
      try {
        const page = rosa.page;
        await page.goto(caseUrl);
        const closure = section(page, 'Closure');
        await choose(closure, 'Completed');
        await closure
          .getByRole('textbox', { name: 'Reason' })
          .fill('Both items are done; Luz and Dana say the harm is repaired.');
        await closure.getByRole('button', { name: 'Ask to close the case' }).click();
        await page.getByText('The closure waits for the oversight reviewer.').waitFor();
        await closure
          .getByText('is waiting for the oversight reviewer', { exact: false })
          .waitFor();

        await amara.page.goto(
          `${harness.url}/programs/${theWorld().programId}/conferences/sign-offs`,
        );
        await amara.page.getByRole('link', { name: `Closure of case ${reference}` }).click();
        await amara.page
          .getByRole('heading', { level: 2, name: 'The closure waits for your sign-off' })
          .waitFor();
        await choose(amara.page, 'Approve');
        await amara.page.getByRole('button', { name: 'Send my decision' }).click();
        await amara.page.getByText('Your approval is recorded.').waitFor();
        await amara.page.goto(
          `${harness.url}/programs/${theWorld().programId}/conferences/sign-offs`,
        );
        await amara.page.getByText('Nothing is waiting for you.').waitFor();
        await expectAccessibleAtBothSizes(amara.page);

        await page.reload();
        await waitForStage(page, 'Closed');
        await section(page, 'Closure')
          .getByText('Completed: every item of the agreement was done')
          .waitFor();
        await section(page, 'Timeline')
          .getByText('The oversight reviewer approved the closure.')
          .waitFor();

        // The de-identified outcomes: the case's reference is not in them, nor any words.
        await page.goto(`${harness.url}/programs/${theWorld().programId}/conferences`);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download de-identified outcomes (CSV)' }).click(),
        ]);
        const csv = await readFile(await download.path(), 'utf8');
        expect(csv).toContain('completed');
        expect(csv).not.toContain(reference);
        expect(csv).not.toContain(luz);
        expect(csv).not.toContain(incident);

        await referrer.page.goto(statusLink);
        await referrer.page.getByRole('heading', { level: 2, name: 'Cerrada' }).waitFor();
        await referrer.page.getByText('Cumplido: se realizó cada punto del acuerdo').waitFor();
        await captureEverywhere(referrer.page, 'conferences-referral-status');

        await agency.page.goto(
          `${harness.url}/organisations/${theWorld().organisationId}/conferences`,
        );
        await agency.page
          .getByRole('heading', {
            level: 1,
            name: `Conferences about officers of ${admin.organisation}`,
          })
          .waitFor();
        const agencyCard = agency.page.getByRole('listitem').filter({ hasText: reference });
        await agencyCard.getByText('Accepted').waitFor();
        await agencyCard.getByText('2 of 2 items done').waitFor();
        expect(await agency.page.getByText('bus pass').count()).toBe(0);
        await captureEverywhere(agency.page, 'conferences-agency');

        for (const opened of [rosa, amara, agency, referrer]) expect(opened.errors).toEqual([]);
      } finally {
        await Promise.all([rosa.close(), amara.close(), agency.close(), referrer.close()]);
        await luzPhone?.close();
        await danaPhone?.close();
      }
    },
    STEP_TIMEOUT,
  );
});
