import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../shared/profile/contract.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { artifactsDir, screenshot, screenshotsWanted } from './support/screenshot.ts';

// A course's cohorts and report as the demo's coordinator meets them. Amara coordinates the
// listening circles, whose officers were assigned two courses: "Winter patrol" is under way on
// De-escalation, in three units. On her laptop she opens the course, sees its cohorts, reads its
// report (completion by unit, the wrong turns taken in its scenario) and downloads the
// spreadsheet. On her phone, in Spanish, she assigns the course to a new cohort: a first try
// with no one chosen tells her so, and the second lists the new cohort.

const demo = { password: '' };
const coordinator = { email: 'amara@peacecircle.example' } as const;
const STEP_TIMEOUT = 240_000;
let coordinatorSession: ApiSession | undefined;
let courseId = '';

const harness = setUpServerAndBrowser(async (env) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
});

/** A day `days` from today, as a date field takes it (YYYY-MM-DD). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** One part of a page as it looks now, saved as e2e/artifacts/<name>.png. */
async function partScreenshot(part: Locator, name: string): Promise<void> {
  if (screenshotsWanted) await part.screenshot({ path: join(artifactsDir, `${name}.png`) });
}

/** The row of a table (a region named by its caption) whose heading cell is `name`. */
function tableRow(page: Page, table: string, name: string) {
  return page
    .getByRole('region', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

describe('a course’s cohorts and report', () => {
  it(
    'should show the coordinator the cohorts, the report and its spreadsheet',
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
        await page.getByRole('link', { name: 'De-escalation', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'De-escalation' }).waitFor();
        courseId = new URL(page.url()).pathname.split('/')[2] ?? '';

        const cohorts = page.getByRole('region', { name: 'Cohorts', exact: true });
        const winter = cohorts.getByRole('listitem').filter({ hasText: 'Winter patrol' });
        await winter.waitFor();
        await winter.getByText('3 of 6 completed').waitFor();
        await winter.getByText('Version 1').waitFor();
        await page.getByRole('heading', { name: 'Assign this course' }).waitFor();
        await expectNoAxeViolations(page);
        await partScreenshot(cohorts, 'training-cohorts-en-desktop');

        await cohorts.getByRole('link', { name: 'Report', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'De-escalation' }).waitFor();
        await page.getByText('Reflections are private').waitFor();
        const totals = page.getByRole('region', { name: 'Totals' });
        await totals.getByText('People assigned').waitFor();

        await tableRow(page, 'Completion by unit', 'Patrol North')
          .getByText('2 of 3 (67%)', { exact: true })
          .waitFor();
        await tableRow(page, 'Completion by unit', 'Patrol South')
          .getByText('1 of 2 (50%)', { exact: true })
          .waitFor();
        await tableRow(page, 'Completion by cohort', 'Winter patrol').waitFor();

        const scenario = page.getByRole('region', { name: 'Scenario: A tense traffic stop' });
        await scenario.getByRole('heading', { name: 'Common wrong turns' }).waitFor();
        const turn = scenario
          .getByRole('listitem')
          .filter({ hasText: 'Ask for her licence and registration first' });
        await turn.getByText('A mixed choice').waitFor();
        await turn.getByText('1 of 3 who stood there (33%)', { exact: true }).waitFor();
        await page.getByRole('heading', { name: 'Knowledge checks' }).waitFor();

        const csvLink = page.getByRole('link', { name: /spreadsheet \(CSV\)/ });
        const csvHref = await csvLink.getAttribute('href');
        expect(csvHref).toBe(`/api/courses/${courseId}/report.csv?lang=en`);
        const csv = await page.request.get(`${harness.url}${csvHref}`);
        expect(csv.status()).toBe(200);
        expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
        const [header = ''] = (await csv.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
        const columns = header.split(',').map((column) => column.replace(/^"|"$/g, ''));
        expect(columns.slice(0, 6)).toEqual([
          'Name',
          'Cohort',
          'Unit',
          'Due',
          'Status',
          'Done (%)',
        ]);
        await expect(
          page
            .getByRole('link', { name: 'Download the learning records (xAPI)' })
            .getAttribute('href'),
        ).resolves.toBe(`/api/courses/${courseId}/xapi`);
        await page.getByText('for your agency’s own learning system').waitFor();

        // One officer chose to share her reflections with the coordinators.
        const shared = page.getByRole('region', { name: 'Reflections shared with you' });
        await shared
          .getByRole('listitem')
          .filter({ hasText: 'A noise call last summer.' })
          .getByText(/^Think of an encounter where your own tone/)
          .waitFor();
        await expect(shared.getByRole('listitem').count()).resolves.toBe(2);
        await expectNoAxeViolations(page);

        await captureEverywhere(page, 'training-report');

        // The autumn recruits' course was due last week: those not done are overdue, first.
        await page.goto(`${harness.url}/programs/${programId}/courses`);
        await page.getByRole('link', { name: 'Procedural justice', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Procedural justice' }).waitFor();
        await page.getByRole('link', { name: 'Report', exact: true }).click();
        const learners = page.getByRole('region', { name: 'Every learner, those overdue first' });
        const firstLearner = learners.getByRole('row').nth(1);
        await firstLearner.getByText('Overdue', { exact: true }).waitFor();
        await tableRow(page, 'Completion by cohort', 'Autumn recruits').waitFor();
        await expectNoAxeViolations(page);
        await partScreenshot(learners, 'training-report-overdue-en-desktop');
        await page.setViewportSize(phone);
        await expectNoAxeViolations(page);
        await partScreenshot(learners, 'training-report-overdue-en-phone');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should assign the course to a new cohort on a phone in Spanish',
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
        await page.getByRole('heading', { level: 1 }).waitFor();
        await switchLanguage(page, 'es');
        await page.getByRole('heading', { level: 1, name: 'Desescalada' }).waitFor();
        const assign = page.getByRole('region', { name: 'Asignar este curso' });
        await assign.getByLabel('Nombre del grupo').fill('Patrulla de primavera');
        await assign.getByLabel('Fecha límite').fill(dayFromToday(30));
        await assign.getByRole('button', { name: 'Asignar el curso' }).click();

        const summary = page.getByRole('alert').filter({ hasText: 'Elija al menos una persona.' });
        await summary.waitFor();
        await assign
          .getByRole('group', { name: 'Personas' })
          .getByText('Elija al menos una persona.')
          .waitFor();
        await expect(assign.getByLabel('Nombre del grupo').inputValue()).resolves.toBe(
          'Patrulla de primavera',
        );
        await expectNoAxeViolations(page);
        await partScreenshot(assign, 'training-assign-error-es-phone');

        const filter = assign.getByLabel('Buscar por nombre');
        await filter.fill('whit');
        await assign.locator('label.checkbox', { hasText: 'Sam Whitfield' }).click();
        await filter.fill('nair');
        const nair = assign.locator('label.checkbox', { hasText: 'Officer Priya Nair' });
        await nair.getByText('Agente', { exact: true }).waitFor();
        await nair.click();
        await assign.getByText('2 personas elegidas').waitFor();
        await assign
          .getByLabel('La misma unidad para todas las personas elegidas')
          .fill('Tránsito');
        await assign
          .getByRole('button', { name: 'Dar esta unidad a todas las personas elegidas' })
          .click();
        await expect(assign.getByLabel('Unidad de Officer Priya Nair').inputValue()).resolves.toBe(
          'Tránsito',
        );
        await expectNoAxeViolations(page);
        await partScreenshot(assign, 'training-assign-chosen-es-phone');

        await assign.getByRole('button', { name: 'Asignar el curso' }).click();
        await page.getByText('«Patrulla de primavera» se asignó a 2 personas.').waitFor();
        const spring = page
          .getByRole('region', { name: 'Grupos', exact: true })
          .getByRole('listitem')
          .filter({ hasText: 'Patrulla de primavera' });
        await spring.getByText('0 de 2 lo completaron').waitFor();
        await expect(assign.getByLabel('Nombre del grupo').inputValue()).resolves.toBe('');
        await expect(filter.inputValue()).resolves.toBe('');
        await expectNoAxeViolations(page);
        await screenshot(page, 'training-assign-done-es-phone');
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/courses/${courseId}/cohorts` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});
