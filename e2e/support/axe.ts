import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now and fails with a readable list of what is wrong. Legacy
 * mode runs axe in the page itself: the default opens a fresh page to finish every run, for
 * cross-origin frames these pages do not have, and cost the browser tests about half their axe
 * time. Only violations are gathered; the passes' details were never read.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(tags)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  const report = results.violations.map((violation) => {
    const nodes = violation.nodes
      .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
      .join('\n');
    return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
  });
  expect(report.join('\n\n'), `axe found violations on ${page.url()}`).toBe('');
}
