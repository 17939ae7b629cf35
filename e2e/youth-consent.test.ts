import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { type OpenedPage, openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { demoLinkToken, setUpDemo } from './support/demo.ts';

// A guardian's consent as the demo's youth program meets it. Jayden, 16, joined the youth and
// police dialogue; his grandmother Rosa, who reads Spanish, got the request by email. On her
// phone she reads what the program is, what is kept and for how long, and consents once she has
// said she is his guardian; the circle he was asked to lets him in only then. A second look at the same request, left open in another tab, cannot
// answer it again. Jayden, on his own phone, comes in by his link and is told he can take part;
// when Rosa withdraws, his page says at once that he cannot.

const STEP_TIMEOUT = 180_000;

const { harness, demo } = setUpDemo();
const guardianToken = () => demoLinkToken(demo, 'consent page', '/consent');
const jaydenToken = () => demoLinkToken(demo, 'page of Jayden', '/youth/join');

const onPhone = (locale: string): Promise<OpenedPage> =>
  openPage(harness.browser, { viewport: phone, locale, hasTouch: true, isMobile: true });

const consentPage = () => `${harness.url}/consent#${guardianToken()}`;

/** From a circle's page, through its guidelines, to the room. */
async function joinTheCircle(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Join this circle' }).click();
  await page.getByRole('heading', { level: 2, name: 'Join the circle' }).waitFor();
  await page.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
  await page.getByRole('button', { name: 'Join the circle' }).click();
}

/** The young person's page, opened afresh: what Jayden sees when he looks again. */
async function jaydenLooksAgain(page: Page): Promise<void> {
  await page.goto(`${harness.url}/youth`);
  await page.getByRole('heading', { level: 2, name: 'Youth and police dialogue' }).waitFor();
}

describe('a guardian’s consent', () => {
  it(
    'should let a guardian consent on her phone in Spanish, once, and withdraw it with effect at once',
    async () => {
      const rosa = await onPhone('es-MX');
      const staleTab = await rosa.page.context().newPage();
      const jayden = await onPhone('en-US');
      try {
        // Jayden comes in by his own link before his grandmother has answered: his page says he
        // is waiting, and the circle he was asked to will not let him in yet.
        await jayden.page.goto(`${harness.url}/youth/join#${jaydenToken()}`);
        await jayden.page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
        await jayden.page.getByRole('button', { name: 'Open my page' }).click();
        await jayden.page
          .getByText('We are waiting for your parent or guardian to say yes.', { exact: false })
          .waitFor();
        await jayden.page.goto(`${harness.url}/circles`);
        await jayden.page.getByRole('link', { name: /Getting home safely after school/ }).click();
        await jayden.page.waitForURL(/\/circles\/[\w-]+$/);
        const circlePath = new URL(jayden.page.url()).pathname;
        await joinTheCircle(jayden.page);
        await jayden.page
          .getByText('You can join once your parent or guardian has said yes.', { exact: false })
          .first()
          .waitFor();
        await expectNoAxeViolations(jayden.page);

        const page = rosa.page;
        await page.goto(consentPage());
        await page
          .getByRole('heading', { level: 1, name: 'Su consentimiento para Jayden' })
          .waitFor();
        await page.getByText('Su grupo de edad: 16-17 años.').waitFor();
        await page.getByText(/llega a Sam Whitfield, quien cuida la seguridad/).waitFor();
        await page
          .getByText('Lo borramos todo 365 días después de que Jayden deje el programa.')
          .waitFor();
        await captureEverywhere(page, 'youth-consent-request');

        // She opened the same email twice: the other tab still shows the request.
        await staleTab.goto(consentPage());
        await staleTab.getByRole('button', { name: 'No doy mi consentimiento' }).waitFor();

        // Consenting needs her word that she is his guardian, said beside the box.
        await page.getByRole('button', { name: 'Doy mi consentimiento', exact: true }).click();
        await page
          .getByText('Confirme, por favor, que es la madre, el padre o el tutor legal de Jayden.')
          .waitFor();
        await expectNoAxeViolations(page);
        await page
          .locator('label.checkbox', {
            hasText: 'Soy la madre, el padre o el tutor legal de Jayden.',
          })
          .click();
        await page.getByRole('button', { name: 'Doy mi consentimiento', exact: true }).click();
        await page
          .getByText(/^Gracias\. Dio su consentimiento el .+ y Jayden puede participar\.$/)
          .waitFor();
        await expect(
          page.getByRole('button', { name: 'Doy mi consentimiento', exact: true }).count(),
        ).resolves.toBe(0);
        await captureEverywhere(page, 'youth-consent-given');

        // The old tab's answer is refused in words, and the answer that stands is shown.
        await staleTab.getByRole('button', { name: 'No doy mi consentimiento' }).click();
        await staleTab
          .getByRole('alert')
          .getByText('Esta solicitud ya tiene respuesta.', { exact: false })
          .waitFor();
        await staleTab.getByText(/^Gracias\. Dio su consentimiento/).waitFor();
        await expectNoAxeViolations(staleTab);

        // Jayden may take part now: his page says so, and he joins the circle.
        await jaydenLooksAgain(jayden.page);
        await jayden.page
          .getByText('You’re all set: you can join the circles and activities of this program.')
          .waitFor();
        await jayden.page.getByText('You can talk to Sam Whitfield', { exact: false }).waitFor();
        await jayden.page
          .getByText('Riverside Youth Line (call or text, any time): 555-0142', { exact: false })
          .waitFor();
        await jayden.page.getByRole('link', { name: 'Your account' }).waitFor();
        await captureEverywhere(jayden.page, 'youth-mine-ready');
        await jayden.page.goto(`${harness.url}${circlePath}`);
        await joinTheCircle(jayden.page);
        await jayden.page.getByRole('heading', { level: 2, name: /^In the circle/ }).waitFor();
        await jayden.page.goto(`${harness.url}/youth`);

        // Rosa withdraws, after a word on what that does; Jayden's page says so at once.
        await page.getByRole('button', { name: 'Retirar mi consentimiento' }).click();
        await page
          .getByRole('dialog')
          .getByText('Jayden dejará de participar de inmediato', { exact: false })
          .waitFor();
        await page.getByRole('dialog').getByRole('button', { name: 'Sí, retirarlo' }).click();
        await page
          .getByText(/^Retiró su consentimiento el .+\. Desde ahora Jayden no participa\./)
          .waitFor();
        await expectNoAxeViolations(page);
        await jaydenLooksAgain(jayden.page);
        await jayden.page
          .getByText('Your parent or guardian has not given their consent', { exact: false })
          .waitFor();
        await expectNoAxeViolations(jayden.page);

        // Only the refusals the test provokes: the stale answer (409) and the early join (403).
        expect(
          [...rosa.errors, ...jayden.errors].filter(
            (error) => !error.includes('409') && !error.includes('403'),
          ),
        ).toEqual([]);
      } finally {
        await rosa.close();
        await jayden.close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should tell a guardian whose link is broken or unknown what to do, in words',
    async () => {
      const opened = await onPhone('es-MX');
      try {
        await opened.page.goto(`${harness.url}/consent#${'x'.repeat(43)}`);
        await opened.page
          .getByRole('heading', { level: 1, name: 'Este enlace no funciona' })
          .waitFor();
        await opened.page
          .getByText('Puede estar incompleto: ábralo de nuevo desde el correo.', { exact: false })
          .waitFor();
        await expectNoAxeViolations(opened.page);
        await opened.page.goto(`${harness.url}/youth/join#short`);
        await opened.page
          .getByRole('heading', { level: 1, name: 'Este enlace ya no funciona' })
          .waitFor();
        await expectNoAxeViolations(opened.page);
      } finally {
        await opened.close();
      }
    },
    STEP_TIMEOUT,
  );
});
