import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningServer, type ServerEnv, startServer } from './server.ts';

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** The server's one-time first-run link (`<url>/setup#<token>`), as it printed it. */
  setupLink(): Promise<string>;
}

/**
 * One real server and one browser for the test file; both are stopped after its last test.
 * `prepare` fills the server's database before it starts; `browserArgs` are extra Chromium flags.
 */
export function setUpServerAndBrowser(
  prepare?: (env: ServerEnv) => Promise<void>,
  browserArgs: readonly string[] = [],
): Harness {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(prepare), launchBrowser(browserArgs)]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });
  return {
    get url() {
      if (!server) throw new Error('the server has not started');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
    setupLink() {
      if (!server) throw new Error('the server has not started');
      return server.setupLink();
    },
  };
}
