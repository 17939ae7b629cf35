import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const phone = { width: 390, height: 844 } as const;
export const desktop = { width: 1280, height: 800 } as const;

/** `extraArgs`: Chromium flags a test file needs besides these, e.g. a fake camera. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      ...extraArgs,
    ],
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far (a CSP violation shows up here). */
  errors: string[];
  close(): Promise<void>;
}

/** A page in its own fresh context (no storage shared with other tests). */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions & { viewport: { width: number; height: number } },
): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed request is logged without its address; add it so a test can tell which one.
    const { url } = message.location();
    const failedLoad = message.text().startsWith('Failed to load resource') && url;
    errors.push(`console: ${message.text()}${failedLoad ? ` [${url}]` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, errors, close: () => context.close() };
}

/** A response a test provokes on purpose: its status, or "network-error" for an aborted request. */
export interface ExpectedResponse {
  status: number | 'network-error';
  path: string;
}

const FAILED_LOAD =
  /^console: Failed to load resource: (?:the server responded with a status of (\d+) \(.*\)|net::ERR_FAILED) \[(.+)\]$/;

/**
 * The errors left once the ones a test expects are taken out. Chromium logs every response with
 * a 4xx status to the console, e.g. "Failed to load resource: the server responded with a status
 * of 401 (Unauthorized)", and every aborted request as "net::ERR_FAILED". Only that message,
 * for that status and that path, is removed: any other error (a script error, a CSP violation,
 * a request failing that should not) still counts.
 */
export function withoutExpectedResponses(
  errors: readonly string[],
  expected: readonly ExpectedResponse[],
): string[] {
  return errors.filter((error) => {
    const match = FAILED_LOAD.exec(error);
    if (!match?.[2]) return true;
    const status = match[1] === undefined ? 'network-error' : Number(match[1]);
    const path = new URL(match[2]).pathname;
    return !expected.some((response) => response.status === status && response.path === path);
  });
}
