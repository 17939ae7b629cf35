import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

// A fresh server on an empty database: it prints a one-time setup link, as it would for the
// person installing Restorativ. The tests in this file share that server, in this order.
const harness = setUpServerAndBrowser();

const spanishPhone = { viewport: phone, locale: 'es-MX', hasTouch: true, isMobile: true };

describe('first run in Spanish on a phone', () => {
  it('should set up the organisation from the printed link, keeping what was typed through mistakes', async () => {
    const link = await harness.setupLink();
    expect(link).toMatch(new RegExp(`^${harness.url}/setup#[\\w-]{20,}$`));
    const { page, errors, close } = await openPage(harness.browser, spanishPhone);
    try {
      await page.goto(link);
      await page
        .getByRole('heading', { level: 1, name: 'Configure Restorativ para su organización' })
        .waitFor();
      expect(await page.title()).toBe('Configurar Restorativ · Restorativ');
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-form-es-phone');

      // A first try with mistakes: a one-letter name, an unfinished email, a short password.
      const organisation = page.getByRole('textbox', { name: 'Nombre de la organización' });
      const name = page.getByRole('textbox', { name: 'Su nombre' });
      const email = page.getByRole('textbox', { name: 'Correo electrónico' });
      const password = page.getByLabel('Elija una contraseña');
      await organisation.fill('R');
      // A person taps the whole row of the option (its <label>), not the hidden radio input.
      await page.locator('label', { hasText: 'Agencia de policía' }).click();
      await name.fill('Ana Ruiz');
      await email.fill('ana.ruiz@');
      await password.fill('corta');
      await page.getByRole('button', { name: 'Crear la organización' }).click();

      const summary = page.getByRole('alert').filter({ hasText: 'Algunas respuestas' });
      await summary.waitFor();
      // The summary takes focus, so a screen reader reads it first.
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
      ).toBe(true);
      const messages = {
        organisation: 'Escriba un nombre de al menos 2 caracteres para la organización.',
        email: 'Escriba un correo electrónico como nombre@ejemplo.org.',
        password: 'Elija una contraseña de al menos 12 caracteres.',
      };
      expect(await summary.getByRole('link').allTextContents()).toEqual(Object.values(messages));
      // Each message also sits at its field and is announced with it.
      await expectFieldMessage(organisation, messages.organisation);
      await expectFieldMessage(email, messages.email);
      await expectFieldMessage(password, messages.password);
      expect(await name.getAttribute('aria-invalid')).toBeNull();
      // Nothing typed is lost.
      expect(await organisation.inputValue()).toBe('R');
      expect(await name.inputValue()).toBe('Ana Ruiz');
      expect(await email.inputValue()).toBe('ana.ruiz@');
      expect(await password.inputValue()).toBe('corta');
      expect(await page.getByRole('radio', { name: 'Agencia de policía' }).isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-errors-es-phone');

      // A link in the summary goes to its field, and the link keeps the token in the address.
      await summary.getByRole('link', { name: messages.email }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('setup-admin-email');
      expect(page.url()).toBe(link);

      // The password can be shown to check it, and hidden again.
      await page.getByRole('button', { name: 'Mostrar contraseña' }).click();
      expect(await password.getAttribute('type')).toBe('text');
      await page.getByText('Su contraseña está visible.').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Ocultar contraseña' }).click();
      expect(await password.getAttribute('type')).toBe('password');

      await organisation.fill('Policía de Riverside');
      await email.fill('ana.ruiz@example.org');
      await password.fill('unas palabras tranquilas');
      await page.getByRole('button', { name: 'Crear la organización' }).click();

      await page.getByRole('heading', { level: 1, name: 'Su organización está lista' }).waitFor();
      expect(await page.title()).toBe('Su organización está lista · Restorativ');
      await page
        .getByText(
          'Policía de Riverside ya está configurada en Restorativ, y usted es quien la administra.',
        )
        .waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-done-es-phone');

      // The confirmation leads to sign-in with the email address already filled in.
      await page.getByRole('main').getByRole('link', { name: 'Iniciar sesión' }).click();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Correo electrónico' }).inputValue()).toBe(
        'ana.ruiz@example.org',
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should say kindly that the link was used when it is opened again', async () => {
    const link = await harness.setupLink();
    const { page, errors, close } = await openPage(harness.browser, spanishPhone);
    try {
      await page.goto(link);
      await page
        .getByRole('heading', { level: 1, name: 'Este enlace de configuración venció o ya se usó' })
        .waitFor();
      expect(await page.title()).toBe('Enlace de configuración no válido · Restorativ');
      await page.getByText('Usted no hizo nada mal.', { exact: false }).waitFor();
      await page.getByText('vuelva a iniciar Restorativ', { exact: false }).waitFor();
      await page.getByRole('main').getByRole('link', { name: 'Iniciar sesión' }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-link-used-es-phone');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should say the same, without asking the server, when the link has no token', async () => {
    const { page, errors, close } = await openPage(harness.browser, spanishPhone);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    try {
      await page.goto(`${harness.url}/setup`);
      await page
        .getByRole('heading', { level: 1, name: 'Este enlace de configuración venció o ya se usó' })
        .waitFor();
      expect(requests.filter((path) => path.startsWith('/api/setup'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should sign in calmly after a wrong password, show the account in Spanish and sign out', async () => {
    const { page, errors, close } = await openPage(harness.browser, spanishPhone);
    try {
      await page.goto(`${harness.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Entrar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      expect(await page.title()).toBe('Iniciar sesión · Restorativ');
      await expectNoAxeViolations(page);
      await screenshot(page, 'sign-in-es-phone');

      const email = page.getByRole('textbox', { name: 'Correo electrónico' });
      const password = page.getByLabel('Contraseña', { exact: true });
      expect(await email.getAttribute('autocomplete')).toBe('username');
      expect(await password.getAttribute('autocomplete')).toBe('current-password');
      await email.fill('ana.ruiz@example.org');
      await password.fill('unas palabras tranquila');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();

      const mismatch =
        'El correo electrónico y la contraseña no coinciden. Revíselos e inténtelo de nuevo.';
      await page.getByRole('alert').filter({ hasText: mismatch }).waitFor();
      // One message for the pair: neither field is singled out.
      expect(await email.getAttribute('aria-invalid')).toBeNull();
      expect(await password.getAttribute('aria-invalid')).toBeNull();
      expect(await email.inputValue()).toBe('ana.ruiz@example.org');
      expect(await password.inputValue()).toBe('unas palabras tranquila');
      await expectNoAxeViolations(page);
      await screenshot(page, 'sign-in-wrong-es-phone');

      await password.fill('unas palabras tranquilas');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/me');
      expect(await page.title()).toBe('Su cuenta · Restorativ');
      await page.getByText('Ha iniciado sesión como Ana Ruiz.').waitFor();
      await page.getByText('Persona administradora de la organización').waitFor();
      await page.getByText('Policía de Riverside').waitFor();
      // The header now leads to the account instead of to sign-in.
      await page.getByRole('navigation').getByRole('link', { name: 'Su cuenta' }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'me-es-phone');

      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Un lugar seguro para hablar, escuchar y reparar el daño',
        })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByText('Cerró la sesión.').waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Entrar' }).waitFor();

      // Signed out for real: the account page sends them back to sign in.
      await page.goto(`${harness.url}/me`);
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      // The browser logs the refusals this test provokes on purpose: the wrong password (401)
      // and the account page asked for after signing out (401). Nothing else may show up.
      expect(
        withoutExpectedResponses(errors, [
          { status: 401, path: '/api/auth/sign-in/email' },
          { status: 401, path: '/api/me' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});

async function expectFieldMessage(field: Locator, message: string): Promise<void> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const page = field.page();
  const descriptions = await Promise.all(
    describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(descriptions).toContain(message);
}
