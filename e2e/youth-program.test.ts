import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../shared/profile/contract.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpDemo } from './support/demo.ts';
import { countEmails, latestEmail } from './support/outbox.ts';

// The demo's coordinator makes her listening circles a youth program. On her laptop a first try
// with the oldest age below the youngest is refused beside that field, with nothing she typed
// lost; the second makes it a youth program. She adds Kai, 14, first forgetting the guardian,
// then with her: Kai's link shows once, the guardian is emailed, and the list says it waits for
// her answer. Rafael, 19, needs no guardian and may take part at once. Changing the words for
// guardians warns her that they will be asked again, and does. On her phone, in Spanish, the
// page reads in Spanish and a refusal is said in Spanish beside its field.

const coordinator = { email: 'amara@peacecircle.example' } as const;
const guardian = { name: 'Dana Reyes', email: 'dana.reyes@example.org' } as const;
const about =
  'Once a month young people and the officers of their streets sit in a circle at the community centre, with a trained facilitator.';
const STEP_TIMEOUT = 300_000;
let coordinatorSession: ApiSession | undefined;
let programId = '';

const { harness, demo } = setUpDemo();

/** A young person's card in the list, by their name. */
function card(page: Page, name: string) {
  return page
    .getByRole('region', { name: /^(Young people|Jóvenes)$/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/** The field (label, help, input and message) around a labelled input. */
function fieldOf(page: Page, label: string) {
  return page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });
}

describe('a youth program, as its coordinator sets it up', () => {
  it(
    'should make the program a youth program and add young people with and without a guardian',
    async () => {
      const { session } = await signInAndSetUpSecondFactor(harness.url, {
        email: coordinator.email,
        password: demo.password,
      });
      coordinatorSession = session;
      const me = await session.call<ProfileResponse>('/api/me');
      programId = me.roles.find((role) => role.role === 'coordinator')?.programId ?? '';
      if (!programId) throw new Error('Amara coordinates the listening circles.');
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/programs/${programId}/youth`);
        await page
          .getByRole('heading', {
            level: 1,
            name: 'Young people in Neighbourhood listening circles',
          })
          .waitFor();
        await page.getByRole('heading', { level: 2, name: 'Make this a youth program' }).waitFor();
        await page
          .getByText('Once this is a youth program, you can add young people here.')
          .waitFor();
        await captureEverywhere(page, 'youth-program-new');

        // The oldest age below the youngest: refused beside the oldest age, the rest kept.
        await page.getByLabel('Youngest age').selectOption('16');
        await page.getByLabel('Oldest age').selectOption('14');
        await expect(page.getByLabel('Safeguarding lead').inputValue()).resolves.not.toBe('');
        await page.getByLabel('About the program, for guardians').fill(about);
        await page.getByRole('button', { name: 'Make this a youth program' }).click();
        const ageProblem = 'The oldest age cannot be below the youngest.';
        await page.getByRole('alert').filter({ hasText: ageProblem }).waitFor();
        await fieldOf(page, 'Oldest age').getByText(ageProblem).waitFor();
        await expect(page.getByLabel('Oldest age').getAttribute('aria-invalid')).resolves.toBe(
          'true',
        );
        await expect(
          page.getByLabel('About the program, for guardians').inputValue(),
        ).resolves.toBe(about);
        await expect(page.getByLabel('Youngest age').inputValue()).resolves.toBe('16');
        await captureEverywhere(page, 'youth-program-age-error');

        await page.getByLabel('Youngest age').selectOption('14');
        await page.getByLabel('Oldest age').selectOption('20');
        await page.getByRole('button', { name: 'Make this a youth program' }).click();
        await page.getByRole('heading', { level: 2, name: 'Youth program settings' }).waitFor();
        await page.getByText('No young people yet. Add the first one below.').waitFor();
        await expect(page.getByLabel('Oldest age').inputValue()).resolves.toBe('20');
        // The program's ages decide which bands are offered: 14 to 20.
        const add = page.getByRole('region', { name: 'Add a young person' });
        await expect(
          add
            .getByRole('radiogroup', { name: 'Age band' })
            .locator('.radio__label')
            .allTextContents(),
        ).resolves.toEqual(['14 to 15', '16 to 17', '18 to 20']);
        await expectNoAxeViolations(page);

        // A 14-year-old without a guardian: refused beside the guardian's fields.
        await add.getByLabel('Name to be called').fill('Kai');
        await add.locator('label.radio', { hasText: '14 to 15' }).click();
        await add.getByRole('button', { name: 'Add the young person' }).click();
        const guardianProblem =
          'A young person under 18 needs a guardian’s consent: give the guardian’s name and email.';
        const guardianFields = add.getByRole('group', { name: 'Parent or guardian' });
        await guardianFields.getByText(guardianProblem).waitFor();
        await page.getByRole('alert').filter({ hasText: guardianProblem }).waitFor();
        await expect(add.getByLabel('Name to be called').inputValue()).resolves.toBe('Kai');
        await captureEverywhere(page, 'youth-program-guardian-error');

        await guardianFields.getByLabel('Guardian’s name').fill(guardian.name);
        await guardianFields.getByLabel('Guardian’s email').fill(guardian.email);
        await add.getByRole('button', { name: 'Add the young person' }).click();
        await add.getByRole('heading', { name: 'The link for Kai' }).waitFor();
        const kaiLink = (await add.getByTestId('youth-link').textContent()) ?? '';
        expect(kaiLink).toMatch(/\/youth\/join#[\w-]{43}$/);
        const kai = card(page, 'Kai');
        await kai.getByText('Waiting for the guardian’s answer').waitFor();
        await kai.getByText(guardian.name, { exact: true }).waitFor();
        await kai.getByText('14 to 15', { exact: true }).waitFor();
        const consentEmail = await latestEmail(
          harness.url,
          guardian.email,
          'youth-consent-request',
        );
        expect(consentEmail.textBody).toContain('Kai');
        expect(consentEmail.textBody).toMatch(/\/consent#[\w-]+/);
        await captureEverywhere(page, 'youth-program-link');

        // A 19-year-old: no guardian is asked for, and he may take part at once.
        await add.getByRole('button', { name: 'Done' }).click();
        await add.getByLabel('Name to be called').fill('Rafael');
        await add.locator('label.radio', { hasText: '18 to 20' }).click();
        await expect(add.getByRole('group', { name: 'Parent or guardian' }).count()).resolves.toBe(
          0,
        );
        await add.getByText('At 18 or over, no guardian is asked').waitFor();
        await add.getByRole('button', { name: 'Add the young person' }).click();
        await add.getByRole('heading', { name: 'The link for Rafael' }).waitFor();
        const rafael = card(page, 'Rafael');
        await rafael.getByText('Can take part', { exact: true }).waitFor();
        await rafael.getByText('None needed (18 or over)').waitFor();
        await captureEverywhere(page, 'youth-program-adult');

        // A new link for Kai: shown once, in her card.
        await kai.getByRole('button', { name: 'New link for Kai' }).click();
        await kai.getByRole('heading', { name: 'A new link for Kai' }).waitFor();
        await expect(kai.locator('.once-link__value').textContent()).resolves.not.toBe(kaiLink);
        await expect(kai.getByRole('button', { name: /Ask .* again/ }).count()).resolves.toBe(0);

        // New words for guardians: she is told before saving that they will be asked again.
        await page
          .getByLabel('About the program, for guardians')
          .fill(`${about} Snacks are served.`);
        const warning = page
          .getByRole('status')
          .filter({ hasText: 'Guardians will be asked again' });
        await warning.getByText('This means 1 guardian will get an email.').waitFor();
        await captureEverywhere(page, 'youth-program-ask-again');
        await page.getByRole('button', { name: 'Save and ask guardians again' }).click();
        await page.getByText('Guardians agree to version 2 of these words and rules.').waitFor();
        await expect(warning.count()).resolves.toBe(0);
        await expect
          .poll(() => countEmails(harness.url, guardian.email, 'youth-consent-request'))
          .toBe(2);
        await kai.getByText('Waiting for the guardian’s answer').waitFor();
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/programs/${programId}/youth` },
            { status: 400, path: `/api/programs/${programId}/young-people` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should read in Spanish on a phone',
    async () => {
      const session = coordinatorSession;
      if (!session || !programId) throw new Error('The first test makes the youth program.');
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'es-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/programs/${programId}/youth`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await switchLanguage(page, 'es');
        await page
          .getByRole('heading', { level: 1, name: 'Jóvenes de Neighbourhood listening circles' })
          .waitFor();
        await page
          .getByRole('heading', { level: 2, name: 'Ajustes del programa juvenil' })
          .waitFor();
        await card(page, 'Kai').getByText('Esperando la respuesta de la persona tutora').waitFor();
        await card(page, 'Rafael').getByText('Puede participar', { exact: true }).waitFor();
        await expectNoAxeViolations(page);

        const add = page.getByRole('region', { name: 'Agregar a un joven' });
        // A name forgotten and the guardian's email not given: each said beside its field.
        await add.locator('label.radio', { hasText: 'De 16 a 17' }).click();
        const guardianFields = add.getByRole('group', { name: 'Madre, padre o tutor' });
        await guardianFields.getByLabel('Nombre de la persona tutora').fill('Lucía Gómez');
        await add.getByRole('button', { name: 'Agregar al joven' }).click();
        await fieldOf(page, 'Nombre con el que quiere que lo llamen')
          .getByText('Escriba un nombre para que vean los demás; no tiene que ser su nombre real.')
          .waitFor();
        await fieldOf(page, 'Correo de la persona tutora')
          .getByText('Escriba un correo como nombre@ejemplo.org.')
          .waitFor();
        await page.getByRole('alert').getByText('Algunas respuestas necesitan un cambio').waitFor();
        await expect(
          guardianFields.getByLabel('Nombre de la persona tutora').inputValue(),
        ).resolves.toBe('Lucía Gómez');
        await captureEverywhere(page, 'youth-program-add-error');

        // Rafael has left: asked first, his card then says so, and his record will go.
        const rafaelCard = card(page, 'Rafael');
        await rafaelCard
          .getByRole('button', { name: 'Registrar que Rafael dejó el programa' })
          .click();
        await page
          .getByRole('dialog')
          .getByText('su enlace deja de funcionar', { exact: false })
          .waitFor();
        await page.getByRole('dialog').getByRole('button', { name: 'Sí, registrarlo' }).click();
        await rafaelCard.getByText(/^Dejó el programa el .+\. Su registro se borra/).waitFor();
        await expect(rafaelCard.getByRole('button').count()).resolves.toBe(0);
        await expectNoAxeViolations(page);
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/programs/${programId}/young-people` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});
