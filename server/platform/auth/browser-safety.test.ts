import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// As a trial installation runs (development, where origins are checked), not as tests do.
let test: TestApp;
let resident: TestPerson;

beforeAll(async () => {
  test = await startTestApp({ NODE_ENV: 'development' });
  resident = await addSignedInPerson(test, {
    organisationId: await addOrganisation(test, 'Eastside Community Trust'),
    role: 'resident',
  });
});
afterAll(async () => {
  await test.close();
});

const signInFrom = (origin: string, headers: Record<string, string> = {}) =>
  test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin, ...headers },
    payload: { email: resident.email, password: resident.password },
  });

describe('changes from another site', () => {
  it('should fail with status 403 when another site posts, with or without cookies', async () => {
    const fromEvil = { origin: 'https://evil.example', 'content-type': 'application/json' };
    for (const url of ['/api/setup', '/api/auth/sign-in/email', '/api/auth/sign-out']) {
      const response = await test.app.inject({
        method: 'POST',
        url,
        headers: fromEvil,
        payload: '{}',
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().detail).toBe(
        'This request came from another site, so it was refused.',
      );
    }
    const navigated = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { 'sec-fetch-site': 'cross-site', cookie: resident.cookie },
    });
    expect(navigated.statusCode).toBe(403);
  });
});

describe('sign-in in the browser', () => {
  it('keeps the session token out of reach of page scripts: cookie only, never in the body', async () => {
    const response = await signInFrom(test.context.config.publicUrl);
    expect(response.statusCode).toBe(200);
    const token = /session_token=([^;.]+)/.exec(String(response.headers['set-cookie']))?.[1];
    expect(token).toBeDefined();
    expect(response.body).not.toContain(token);
    expect(response.json().token).toBeUndefined();
    const sessions = await test.app.inject({
      url: '/api/me/sessions',
      headers: { cookie: resident.cookie },
    });
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().sessions.length).toBeGreaterThan(0);
    expect(sessions.json().sessions[0].token).toBeUndefined();
    expect(sessions.body).not.toContain(token);
  });

  it('accepts a trial opened at 127.0.0.1 or another local port, not another site', async () => {
    expect((await signInFrom('http://127.0.0.1:41234')).statusCode).toBe(200);
    expect((await signInFrom('http://localhost:5173')).statusCode).toBe(200);
    // What a browser sends when another site posts to this one: refused either way.
    expect((await signInFrom('https://evil.example', { cookie: resident.cookie })).statusCode).toBe(
      403,
    );
    expect(
      (
        await signInFrom('https://evil.example', {
          'sec-fetch-site': 'cross-site',
          'sec-fetch-mode': 'navigate',
          'sec-fetch-dest': 'document',
        })
      ).statusCode,
    ).toBe(403);
  });
});
