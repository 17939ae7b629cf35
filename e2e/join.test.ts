import { describe, expect, it } from 'vitest';
import { authenticatorCode } from './support/accounts.ts';
import { type ApiSession, adminWithProgram } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { invitationLinkIn, latestEmail } from './support/outbox.ts';

// Accepting invitations made on the real server: links for residents, an email for a new staff
// member, an email for someone who already has an account, and links that no longer work.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;

let organisationId = '';
let programId = '';
let adminSession: ApiSession;
let adminSecret = '';

async function world(): Promise<void> {
  if (adminSession) return;
  ({
    organisationId,
    programId,
    session: adminSession,
    secret: adminSecret,
  } = await adminWithProgram(harness, admin, 'Eastside listening circles'));
}

/** A shareable link for residents of the program, as the admin page makes one. */
async function residentLink(maxUses = 10): Promise<{ id: string; link: string }> {
  const answer = await adminSession.call<{ invitation: { id: string }; link: string }>(
    `/api/organisations/${organisationId}/invitations`,
    'POST',
    { delivery: 'link', role: 'resident', programId, maxUses, language: 'es' },
  );
  return { id: answer.invitation.id, link: answer.link };
}

/** Invites someone by email and returns the link in the email they receive. */
async function invitationEmail(email: string, role: string): Promise<string> {
  await adminSession.call(`/api/organisations/${organisationId}/invitations`, 'POST', {
    delivery: 'email',
    email,
    role,
    language: 'en',
  });
  return invitationLinkIn(await latestEmail(harness.url, email, 'invitation'));
}

describe('accepting an invitation', () => {
  it('should let a resident join from a link under a name of their choosing', async () => {
    await world();
    const { link } = await residentLink(1);
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
      hasTouch: true,
      isMobile: true,
    });
    try {
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Le invitaron' }).waitFor();
      await page
        .getByText(
          'Marisol Vega le invita a unirse a Eastside listening circles, a cargo de Riverside Police Department.',
        )
        .waitFor();
      await captureEverywhere(page, 'join-resident');

      await page.getByRole('button', { name: 'Unirme' }).click();
      const message =
        'Elija un nombre para que lo vean los demás. No tiene que ser su nombre real.';
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      await expectNoAxeViolations(page);

      // A police title is for verified officers only: said beside the name, in Spanish.
      const policeTitle =
        'Solo los agentes verificados se muestran como agentes. Elija un nombre sin título policial.';
      const nameField = page.getByRole('textbox', { name: 'El nombre que verán los demás' });
      await nameField.fill('Oficial Luz');
      await page.getByRole('button', { name: 'Unirme' }).click();
      await page.getByRole('alert').filter({ hasText: policeTitle }).waitFor();
      expect(await nameField.getAttribute('aria-invalid')).toBe('true');
      await page.locator('.field__error').filter({ hasText: policeTitle }).waitFor();
      await captureEverywhere(page, 'join-police-title');
      // Switching language shows the same message in the new one, not the old.
      await switchLanguage(page, 'en');
      await page
        .locator('.field__error')
        .filter({ hasText: 'Only verified officers are shown as officers.' })
        .waitFor();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Choose a name without a police title.' })
        .waitFor();
      await switchLanguage(page, 'es');
      await page.locator('.field__error').filter({ hasText: policeTitle }).waitFor();

      await nameField.fill('Luz');
      await page.getByRole('button', { name: 'Unirme' }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByText('Le damos la bienvenida, Luz.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/me');
      // No address was asked for, and none is shown or offered to change.
      await page.getByText('Ha iniciado sesión como Luz.').waitFor();
      expect(await page.getByText('@').count()).toBe(0);
      expect(
        await page.getByRole('heading', { name: 'Correo electrónico', exact: true }).count(),
      ).toBe(0);
      // Giving one is offered, as a choice.
      await page
        .getByRole('heading', {
          level: 2,
          name: 'Agregue un correo electrónico para volver desde otro dispositivo (opcional)',
        })
        .waitFor();
      await page.getByText('Residente', { exact: true }).waitFor();
      await captureEverywhere(page, 'me-resident');

      // Nor can the name take a police title later, on the account page.
      const profileName = page.getByRole('textbox', { name: 'Su nombre' });
      await profileName.fill('Sargento Luz');
      await page.getByRole('button', { name: 'Guardar nombre e idioma' }).click();
      await page.getByRole('alert').filter({ hasText: policeTitle }).waitFor();
      expect(await profileName.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);
      await profileName.fill('Luz');

      // The link let in one person; the next one is told kindly.
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Esta invitación ya se usó' }).waitFor();
      await page.getByText('Usted no hizo nada mal.').waitFor();
      await captureEverywhere(page, 'join-used');
      expect(
        withoutExpectedResponses(errors, [
          { status: 400, path: '/api/invitations/accept' },
          { status: 400, path: '/api/me' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should let a new staff member create an account, then ask for their second factor', async () => {
    await world();
    const link = await invitationEmail('jo@riverside.example', 'facilitator');
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(link);
      await page.getByRole('heading', { level: 2, name: 'Create your account' }).waitFor();
      await page.getByText('Invitation sent to').waitFor();
      await page.getByText('jo@riverside.example').waitFor();
      await page.getByText('Facilitator', { exact: true }).waitFor();
      await page.getByRole('textbox', { name: 'Your name' }).fill('Jo Park');
      await page.getByLabel('Choose a password').fill('short');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Choose a password of at least 12 characters.' })
        .waitFor();
      await captureEverywhere(page, 'join-staff');

      await page.getByLabel('Choose a password').fill('lantern by the water');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Set up your second factor' }).waitFor();
      await page.getByText('Welcome, Jo Park.').waitFor();

      // The email's link is used up.
      await page.goto(link);
      await page
        .getByRole('heading', { level: 1, name: 'This invitation has already been used' })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should ask someone with an account to sign in, then accept as themselves', async () => {
    await world();
    // The admin is invited to coordinate the program too.
    const link = await invitationEmail(admin.email, 'coordinator');
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(link);
      await page.getByRole('heading', { level: 2, name: 'Sign in to accept' }).waitFor();
      await captureEverywhere(page, 'join-sign-in-first');
      await page.getByRole('link', { name: 'Sign in to accept' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(
        admin.email,
      );
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('textbox', { name: '6-digit code' })
        .fill(authenticatorCode(adminSecret));
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();

      await page.getByRole('heading', { level: 2, name: 'Accept the invitation' }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Accept the invitation' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByText('The invitation is accepted.').waitFor();
      await page.getByText('Coordinator', { exact: true }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should say kindly when an invitation can no longer be used, and why', async () => {
    await world();
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    try {
      // Withdrawn while the resident was reading it: pressing Join tells them so.
      const open = await residentLink();
      await page.goto(open.link);
      await page.getByRole('textbox', { name: 'El nombre que verán los demás' }).fill('Ana');
      await adminSession.call(`/api/invitations/${open.id}/revoke`, 'POST', {});
      await page.getByRole('button', { name: 'Unirme' }).click();
      await page.getByRole('heading', { level: 1, name: 'Esta invitación se retiró' }).waitFor();
      await page.getByText('Usted no hizo nada mal.').waitFor();
      await captureEverywhere(page, 'join-revoked');

      // A link whose end was cut off, and one that was never made.
      await page.goto(`${open.link.slice(0, -6)}`);
      await page
        .getByRole('heading', { level: 1, name: 'Este enlace de invitación no funciona' })
        .waitFor();
      await page.goto(`${harness.url}/join#short`);
      await page
        .getByRole('heading', { level: 1, name: 'Este enlace de invitación no funciona' })
        .waitFor();
      await captureEverywhere(page, 'join-invalid');
      expect(
        withoutExpectedResponses(errors, [{ status: 410, path: '/api/invitations/accept' }]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});
