import { describe, expect, it } from 'vitest';
import { ApiSession, adminWithProgram } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { addressLinkIn, latestEmail, signInLinkIn } from './support/outbox.ts';

// A resident who joined by a shared link has no email address, so they could only come back on
// the device they joined from. They may give one: a link confirms it, from any device, and from
// then on a sign-in link reaches them there.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Lakeside Police Department',
  name: 'Noor Haddad',
  email: 'noor@lakeside.example',
  password: 'lanterns on the lake',
} as const;

let organisationId = '';
let programId = '';
let adminSession: ApiSession;

async function world(): Promise<void> {
  if (adminSession) return;
  ({
    organisationId,
    programId,
    session: adminSession,
  } = await adminWithProgram(harness, admin, 'Lakeside listening circles'));
}

async function residentLink(): Promise<string> {
  const { link } = await adminSession.call<{ link: string }>(
    `/api/organisations/${organisationId}/invitations`,
    'POST',
    { delivery: 'link', role: 'resident', programId, maxUses: 10, language: 'en' },
  );
  return link;
}

describe('an email address for a resident who joined by link', () => {
  it('should let a resident add an address, confirm it on another device, and sign in there with a link', async () => {
    await world();
    const link = await residentLink();
    const address = 'kai@example.org';
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    try {
      await page.goto(link);
      await page.getByRole('textbox', { name: 'The name others will see' }).fill('Kai');
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      const section = page.getByRole('region', {
        name: 'Add an email address so you can come back from another device (optional)',
      });
      await section.waitFor();
      await section
        .getByText('We use it only for sign-in links and for the emails you choose to get.')
        .waitFor();
      // Without a password, there is nothing to change an address with: not offered.
      expect(await page.getByRole('heading', { name: 'Email address', exact: true }).count()).toBe(
        0,
      );

      const field = section.getByRole('textbox', { name: 'Your email address' });
      await field.fill('kai at example');
      await section.getByRole('button', { name: 'Send me a confirmation link' }).click();
      await section
        .getByRole('alert')
        .filter({ hasText: 'Give an email address such as name@example.org.' })
        .waitFor();
      await captureEverywhere(page, 'me-address-error');
      await field.fill(address);
      await section.getByRole('button', { name: 'Send me a confirmation link' }).click();
      await section
        .getByText(`We sent a link to ${address}. Open it within 24 hours to confirm the address`)
        .waitFor();
      await captureEverywhere(page, 'me-address-sent');

      // The email is opened on another device, where no one is signed in.
      const confirmation = addressLinkIn(
        await latestEmail(harness.url, address, 'confirm-address'),
      );
      const other = await openPage(harness.browser, { viewport: phone, locale: 'en-US' });
      try {
        await other.page.goto(confirmation);
        await other.page
          .getByRole('heading', { level: 1, name: 'Your email address is confirmed' })
          .waitFor();
        await other.page
          .getByText(`You can now sign in with ${address} from any phone or computer.`)
          .waitFor();
        await captureEverywhere(other.page, 'address-confirmed');

        // The same link again: it has done its work.
        await other.page.goto(`${harness.url}/`);
        await other.page.goto(confirmation);
        await other.page
          .getByRole('heading', { level: 1, name: 'This link does not work any more' })
          .waitFor();
        await captureEverywhere(other.page, 'address-link-used');

        // On that device, the address now brings them back with a sign-in link.
        await other.page.getByRole('link', { name: 'Go to your account' }).click();
        await other.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await other.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
        await other.page.getByRole('textbox', { name: 'Email address' }).fill(address);
        await other.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
        await other.page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
        await other.page.goto(signInLinkIn(await latestEmail(harness.url, address, 'magic-link')));
        await other.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
        await other.page.getByText('You are signed in as Kai.').waitFor();
        await other.page.getByText(`Email address: ${address}`).waitFor();
        expect(
          withoutExpectedResponses(other.errors, [
            { status: 400, path: '/api/me/address/confirm' },
            // Not signed in there yet: the account page sends them to sign in.
            { status: 401, path: '/api/me' },
          ]),
        ).toEqual([]);
      } finally {
        await other.close();
      }

      // Back on the first phone, the account shows the address and no longer offers to add one.
      await page.reload();
      await page.getByText(`Email address: ${address}`).waitFor();
      expect(await section.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should say kindly when the address belongs to another account, or the link is made up', async () => {
    await world();
    const address = 'shared@example.org';
    // Two residents who joined by link give the same address; the first confirms it.
    const links: string[] = [];
    for (const name of ['Ana', 'Beto']) {
      const resident = new ApiSession(harness.url);
      const token = new URL(await residentLink()).hash.slice(1);
      await resident.call('/api/invitations/accept', 'POST', { token, name, language: 'es' });
      await resident.call('/api/me/address', 'POST', { email: address });
      links.push(addressLinkIn(await latestEmail(harness.url, address, 'confirm-address')));
    }
    const [first = '', second = ''] = links;
    await fetch(`${harness.url}/api/me/address/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: harness.url },
      body: JSON.stringify({ token: new URL(first).hash.slice(1) }),
    });

    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    try {
      await page.goto(second);
      await page
        .getByRole('heading', { level: 1, name: 'Este correo pertenece a otra cuenta' })
        .waitFor();
      await captureEverywhere(page, 'address-taken');

      // A link cut short never reaches the server.
      await page.goto(`${harness.url}/`);
      await page.goto(`${harness.url}/me/address#short`);
      await page.getByRole('heading', { level: 1, name: 'Este enlace ya no funciona' }).waitFor();
      await expectNoAxeViolations(page);
      expect(
        withoutExpectedResponses(errors, [{ status: 409, path: '/api/me/address/confirm' }]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});
