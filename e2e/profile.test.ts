import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// The account page against the contracts in shared/profile and shared/preferences. The routes
// behind /api/me/* answer here from a small fake that keeps what the page sends, so the page's
// own behaviour is what is tested.
const harness = setUpServerAndBrowser();

interface Fake {
  me: {
    personId: string;
    name: string;
    email: string;
    language: 'en' | 'es';
    secondFactor: 'enabled' | 'required' | 'not-required';
    roles: { organisationId: string; organisationName: string; programId: null; role: string }[];
  };
  sessions: {
    id: string;
    device: string;
    createdAt: string;
    lastActiveAt: string;
    expiresAt: string;
    current: boolean;
  }[];
  frequency: string;
  sent: { method: string; path: string; body: unknown }[];
}

function fakeAccount(): Fake {
  return {
    me: {
      personId: 'p1',
      name: 'Marisol Vega',
      email: 'marisol@riverside.example',
      language: 'en',
      secondFactor: 'enabled',
      roles: [
        {
          organisationId: '7d7c1f4e-2a51-4c55-9d43-1b8e0b2f6a10',
          organisationName: 'Riverside Community Mediation',
          programId: null,
          role: 'coordinator',
        },
      ],
    },
    sessions: [
      {
        id: 's-phone',
        device: 'Safari on iPhone',
        createdAt: '2026-03-02T08:15:00.000Z',
        lastActiveAt: '2026-03-03T19:40:00.000Z',
        expiresAt: '2026-03-03T20:15:00.000Z',
        current: false,
      },
      {
        id: 's-here',
        device: 'Chrome on Linux',
        createdAt: '2026-03-04T09:00:00.000Z',
        lastActiveAt: '2026-03-04T09:05:00.000Z',
        expiresAt: '2026-03-04T21:00:00.000Z',
        current: true,
      },
    ],
    frequency: 'immediately',
    sent: [],
  };
}

async function serveFake(page: Page, fake: Fake): Promise<void> {
  const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, json: body });
  await page.route('**/api/me**', async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    const method = request.method();
    const body = request.postDataJSON() as unknown;
    if (method !== 'GET') fake.sent.push({ method, path, body });
    if (path === '/api/me' && method === 'GET') return json(route, fake.me);
    if (path === '/api/me' && method === 'PATCH') {
      Object.assign(fake.me, body);
      return json(route, fake.me);
    }
    if (path === '/api/me/email') {
      const { email, password } = body as { email: string; password: string };
      if (password !== 'the right password') {
        return json(route, { code: 'INVALID_PASSWORD', message: 'Invalid password' }, 400);
      }
      fake.me.email = email;
      return route.fulfill({ status: 204 });
    }
    if (path === '/api/me/sessions') return json(route, { sessions: fake.sessions });
    if (path.startsWith('/api/me/sessions/') && method === 'DELETE') {
      fake.sessions = fake.sessions.filter((session) => !path.endsWith(session.id));
      return route.fulfill({ status: 204 });
    }
    if (path === '/api/me/email-preferences' && method === 'GET') {
      return json(route, { frequency: fake.frequency });
    }
    if (path === '/api/me/email-preferences' && method === 'PUT') {
      fake.frequency = (body as { frequency: string }).frequency;
      return json(route, { frequency: fake.frequency });
    }
    return route.fallback();
  });
}

describe('your account', () => {
  it('should change the name and language, end another device and choose a daily digest', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    const fake = fakeAccount();
    await serveFake(page, fake);
    try {
      await page.goto(`${harness.url}/me`);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Where you are signed in' }).waitFor();
      await page.getByText('This device', { exact: true }).waitFor();
      await page.getByRole('radio', { name: /As things happen/ }).waitFor();
      await captureEverywhere(page, 'me-full');

      // The other device is signed out; this one has no such button.
      expect(await page.getByRole('button', { name: 'Sign out Chrome on Linux' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Sign out Safari on iPhone' }).click();
      await page.getByText('That device is signed out.').waitFor();
      expect(await page.getByText('Safari on iPhone').count()).toBe(0);

      // An empty name is caught before anything is sent.
      const name = page.getByRole('textbox', { name: 'Your name' });
      await name.fill('  ');
      await page.getByRole('button', { name: 'Save name and language' }).click();
      await page.getByRole('alert').filter({ hasText: 'Give the name others see.' }).waitFor();
      await expectNoAxeViolations(page);
      await name.fill('Marisol V.');
      await page.locator('label.radio', { hasText: 'Español' }).click();
      await page.getByRole('button', { name: 'Save name and language' }).click();
      // The page follows the chosen language at once.
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByText('Ha iniciado sesión como Marisol V.').waitFor();

      await page.locator('label', { hasText: 'Una vez al día' }).click();
      await page.getByRole('button', { name: 'Guardar mi elección' }).click();
      await page
        .getByText('Guardado. Le enviaremos como máximo un correo al día.')
        .first()
        .waitFor();

      // A wrong password keeps the email address where it was.
      await page
        .getByRole('textbox', { name: 'Nuevo correo electrónico' })
        .fill('mv@riverside.example');
      await page.getByLabel('Su contraseña').fill('not it');
      await page.getByRole('button', { name: 'Cambiar el correo electrónico' }).click();
      await page.getByRole('alert').filter({ hasText: 'Esa contraseña no es correcta.' }).waitFor();
      await page.getByLabel('Su contraseña').fill('the right password');
      await page.getByRole('button', { name: 'Cambiar el correo electrónico' }).click();
      await page.getByText('Listo. Ahora inicia sesión con mv@riverside.example.').waitFor();

      expect(fake.sent).toEqual([
        { method: 'DELETE', path: '/api/me/sessions/s-phone', body: null },
        { method: 'PATCH', path: '/api/me', body: { name: 'Marisol V.', language: 'es' } },
        { method: 'PUT', path: '/api/me/email-preferences', body: { frequency: 'daily' } },
        {
          method: 'POST',
          path: '/api/me/email',
          body: { email: 'mv@riverside.example', password: 'not it' },
        },
        {
          method: 'POST',
          path: '/api/me/email',
          body: { email: 'mv@riverside.example', password: 'the right password' },
        },
      ]);
      expect(errors.filter((error) => !error.includes('/api/me/email'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should let someone change their emails from a link without signing in', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    const token = 'a-preferences-token-from-an-email-0123';
    const saved: unknown[] = [];
    await page.route('**/api/preferences/email?*', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('token') !== token) {
        return route.fulfill({
          status: 404,
          contentType: 'application/problem+json',
          json: { title: 'Not found', status: 404, detail: 'This link is not valid.' },
        });
      }
      if (route.request().method() === 'PUT') {
        saved.push(route.request().postDataJSON());
        return route.fulfill({ json: { frequency: 'never' } });
      }
      return route.fulfill({ json: { frequency: 'daily', maskedEmail: 'r•••@example.org' } });
    });
    try {
      await page.goto(`${harness.url}/preferences/email?token=${token}`);
      await page.getByRole('heading', { level: 1, name: 'Sus preferencias de correo' }).waitFor();
      await page.getByText('Elija qué correos recibe r•••@example.org de Restorativ.').waitFor();
      expect(await page.getByRole('radio', { name: /Una vez al día/ }).isChecked()).toBe(true);
      await captureEverywhere(page, 'preferences-email');
      await page.locator('label', { hasText: 'Nunca' }).click();
      await page.getByRole('button', { name: 'Guardar mi elección' }).click();
      await page.getByText('Guardado. No le enviaremos recordatorios ni novedades.').waitFor();
      expect(saved).toEqual([{ frequency: 'never' }]);
      await captureEverywhere(page, 'preferences-email-saved');

      await page.goto(`${harness.url}/preferences/email?token=an-old-token-that-no-longer-works`);
      await page.getByRole('heading', { level: 1, name: 'Este enlace ya no funciona' }).waitFor();
      await captureEverywhere(page, 'preferences-email-invalid');
      expect(errors.filter((error) => !error.includes('/api/preferences/email'))).toEqual([]);
    } finally {
      await close();
    }
  });
});
