import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with a readable list of what is wrong. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const report = results.violations.map((violation) => {
    const nodes = violation.nodes
      .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
      .join('\n');
    return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
  });
  expect(report.join('\n\n'), `axe found violations on ${page.url()}`).toBe('');
}
