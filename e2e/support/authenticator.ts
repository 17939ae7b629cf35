import type { Page } from 'playwright-core';

/**
 * A phone's or laptop's built-in passkey store for one page, from Chromium's virtual
 * authenticator: it keeps passkeys, and "unlocks" each use as a fingerprint or PIN would.
 * The page must be on a secure context: https, or http://localhost as the e2e servers are.
 */
export async function addVirtualAuthenticator(page: Page): Promise<{
  passkeyCount(): Promise<number>;
}> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    async passkeyCount() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.length;
    },
  };
}
