import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

/**
 * Screenshots are for people to look at. CI, whose clone nobody opens, turns them off with
 * E2E_SCREENSHOTS=off: about a tenth of a second each, a few hundred in a run. Every check
 * beside them (axe, the page's words) runs either way.
 */
export const screenshotsWanted = process.env.E2E_SCREENSHOTS !== 'off';

/** Saves a full-page screenshot to e2e/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotsWanted) return;
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}
