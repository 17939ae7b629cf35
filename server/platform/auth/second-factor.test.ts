import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup, prepareSetupLink } from '../../features/setup/service.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

let test: TestApp;
const email = 'rosa@eastside.example';
const password = 'a long passphrase for rosa';

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  await completeSetup(db, test.context.auth, {
    token: (await prepareSetupLink(db)) ?? '',
    organisation: { name: 'Eastside Police Department', kind: 'police_agency' },
    admin: { name: 'Rosa', email, password, language: 'en' },
  });
});
afterAll(async () => {
  await test.close();
});

/** The cookies a browser would keep between requests. */
function browser() {
  const jar = new Map<string, string>();
  return async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await test.app.inject({
      method,
      url,
      headers: {
        origin: test.context.config.publicUrl,
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const set = response.headers['set-cookie'];
    for (const cookie of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

describe('the second factor for staff', () => {
  let totp: OTPAuth.TOTP;
  let backupCodes: string[];

  it('tells a staff member without a second factor that one is required, and still shows the profile', async () => {
    const rosa = browser();
    expect((await rosa('POST', '/api/auth/sign-in/email', { email, password })).statusCode).toBe(
      200,
    );
    const me = await rosa('GET', '/api/me');
    expect(me.json().secondFactor).toBe('required');
  });

  it('sets up an authenticator app after the password is given again, with backup codes', async () => {
    const rosa = browser();
    await rosa('POST', '/api/auth/sign-in/email', { email, password });
    expect(
      (await rosa('POST', '/api/auth/two-factor/enable', { password: 'wrong one' })).statusCode,
    ).toBe(400);
    const enabled = await rosa('POST', '/api/auth/two-factor/enable', { password });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes: codes } = enabled.json();
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Restorativ:/);
    expect(codes).toHaveLength(10);
    backupCodes = codes;
    totp = OTPAuth.URI.parse(totpURI) as OTPAuth.TOTP;

    expect(
      (await rosa('POST', '/api/auth/two-factor/verify-totp', { code: '000000' })).statusCode,
    ).toBe(401);
    const verified = await rosa('POST', '/api/auth/two-factor/verify-totp', {
      code: totp.generate(),
    });
    expect(verified.statusCode).toBe(200);
    expect((await rosa('GET', '/api/me')).json().secondFactor).toBe('enabled');
  });

  it('asks for the code at the next sign-in, and only the code opens the session', async () => {
    const rosa = browser();
    const first = await rosa('POST', '/api/auth/sign-in/email', { email, password });
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactorRedirect).toBe(true);
    expect((await rosa('GET', '/api/me')).statusCode).toBe(401);

    expect(
      (await rosa('POST', '/api/auth/two-factor/verify-totp', { code: totp.generate() }))
        .statusCode,
    ).toBe(200);
    expect((await rosa('GET', '/api/me')).json().name).toBe('Rosa');
  });

  it('accepts a backup code once, for someone who lost their phone', async () => {
    const code = backupCodes[0] ?? '';
    const rosa = browser();
    await rosa('POST', '/api/auth/sign-in/email', { email, password });
    expect(
      (await rosa('POST', '/api/auth/two-factor/verify-backup-code', { code })).statusCode,
    ).toBe(200);
    expect((await rosa('GET', '/api/me')).statusCode).toBe(200);

    const again = browser();
    await again('POST', '/api/auth/sign-in/email', { email, password });
    expect(
      (await again('POST', '/api/auth/two-factor/verify-backup-code', { code })).statusCode,
    ).toBe(401);
  });
});
