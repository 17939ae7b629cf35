import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../shared/profile/contract.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// Restorative training as a coordinator meets it, on the demo organisation (`restorativ demo`,
// run on the server's database before it starts), whose listening circles program holds the
// seven starter courses. Amara, its coordinator, opens the program's courses on her laptop,
// reads "Preparing for a circle" through, its knowledge checks and its scenario's situations
// with where each choice leads, and finds how to export it; then reads it again on her phone
// in Spanish.

const demo = { password: '' };
const coordinator = { email: 'amara@peacecircle.example' } as const;
const STEP_TIMEOUT = 180_000;
let coordinatorSession: ApiSession | undefined;
let courseId = '';

const harness = setUpServerAndBrowser(async (env) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
});

/** The width of a picture once it has loaded (it loads as it comes into view). */
const loadedWidth = (image: Locator) =>
  image.evaluate(
    (element: HTMLImageElement) =>
      new Promise<number>((resolve) => {
        if (element.complete && element.naturalWidth > 0) resolve(element.naturalWidth);
        else element.addEventListener('load', () => resolve(element.naturalWidth));
      }),
  );

describe('restorative training', () => {
  it(
    'should show the coordinator the program’s courses and one course read through',
    async () => {
      const { session } = await signInAndSetUpSecondFactor(harness.url, {
        email: coordinator.email,
        password: demo.password,
      });
      coordinatorSession = session;
      const me = await session.call<ProfileResponse>('/api/me');
      const programId = me.roles.find((role) => role.role === 'coordinator')?.programId;
      if (!programId) throw new Error('Amara coordinates the listening circles.');
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/programs/${programId}/courses`);
        await page
          .getByRole('heading', { level: 1, name: 'Courses of Neighbourhood listening circles' })
          .waitFor();
        const courseLinks = page.getByRole('main').getByRole('list').first().getByRole('link');
        await expect(courseLinks.count()).resolves.toBe(7);
        await page.getByRole('heading', { name: 'Add from the starter curriculum' }).waitFor();
        const addedMarks = page.getByText('Added', { exact: true });
        await addedMarks.first().waitFor();
        await expect(addedMarks.count()).resolves.toBe(7);
        await page.getByLabel('Choose a course file', { exact: true }).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-courses');

        await page.getByRole('link', { name: 'Preparing for and taking part in a circle' }).click();
        await page
          .getByRole('heading', { level: 1, name: 'Preparing for and taking part in a circle' })
          .waitFor();
        courseId = new URL(page.url()).pathname.split('/')[2] ?? '';
        // A course text's picture, with the words of what it shows.
        const chairs = page.getByRole('img', { name: /^Ten chairs in a ring seen from above/ });
        await chairs.scrollIntoViewIfNeeded();
        await expect(loadedWidth(chairs)).resolves.toBe(400);
        await page
          .getByText('Does not expire')
          .or(page.getByText(/Valid for \d+ months/))
          .waitFor();
        await expect(
          page.getByRole('heading', { name: 'Knowledge check' }).count(),
        ).resolves.toBeGreaterThan(0);
        await page
          .getByRole('heading', { name: 'Scenario: When the piece comes to you', exact: true })
          .waitFor();
        await page.getByRole('heading', { name: 'Situation 1', exact: true }).waitFor();
        await expect(page.getByText(/^→ Situation \d+$/).count()).resolves.toBeGreaterThan(5);
        await page.getByText('Ending: it went well').first().waitFor();
        const exportLink = page.getByRole('link', { name: 'Export as a file' });
        await expect(exportLink.getAttribute('href')).resolves.toBe(
          `/api/courses/${courseId}/export`,
        );
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-course');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should read the same course on a phone in Spanish',
    async () => {
      const session = coordinatorSession;
      if (!session || !courseId) throw new Error('The first test opens the course.');
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'es-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/courses/${courseId}`);
        await switchLanguage(page, 'es');
        await page
          .getByRole('heading', { level: 1, name: 'Prepararse para un círculo y participar en él' })
          .waitFor();
        const sillas = page.getByRole('img', {
          name: /^Diez sillas en círculo vistas desde arriba/,
        });
        await sillas.scrollIntoViewIfNeeded();
        await expect(loadedWidth(sillas)).resolves.toBe(400);
        await captureEverywhere(page, 'training-course-image');
        await page
          .getByRole('heading', { name: 'Escenario: Cuando la pieza le llega', exact: true })
          .waitFor();
        await page
          .getByRole('heading', { name: 'Comprobación de conocimientos' })
          .first()
          .waitFor();
        await page.getByRole('link', { name: 'Exportar como archivo' }).waitFor();
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});
