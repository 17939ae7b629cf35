import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dashboard, SurveySummary } from '../shared/measurement/contract.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// Trust measurement as its people meet it, on the demo organisation (`restorativ demo`, run on
// the server's database before it starts): its community pulse has been answered for six
// quarters. Rosa, a resident, opens the pulse's link on her phone in Spanish, is told what is
// missing when she sends nothing, answers every question and is thanked with the support lines
// beside her; opening the link again she is told she already answered, and nothing counts twice.
// Amara, the listening circles' coordinator, reads the program's dashboard on her laptop: the
// trust index quarter by quarter with its intervals, as a chart and as a table, and Rosa's
// answer counted once among this quarter's, whose figures wait for the quarter's end. Last
// quarter's procedural-justice training was surveyed by its before and after links: Amara finds
// the two links, an officer answers the before link on his phone and is told what it is for,
// and the training's dashboard puts before and after side by side.

const demo = { password: '', pulseUrl: '', dashboardPath: '' };
/** The pulse's answers this quarter before Rosa's, as the coordinator's dashboard counts them. */
let answersBefore = -1;
let coordinatorSession: ApiSession | undefined;
const coordinator = { email: 'amara@peacecircle.example' } as const;
const STEP_TIMEOUT = 180_000;

const harness = setUpServerAndBrowser(async (env) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
  demo.pulseUrl = /community pulse[^\n]*\n\s+(\S+)/.exec(stdout)?.[1] ?? '';
  const dashboard = new URL(/trust dashboard[^\n]*\n\s+(\S+)/.exec(stdout)?.[1] ?? '');
  demo.dashboardPath = `${dashboard.pathname}${dashboard.search}`;
});

/**
 * Chooses an answer in every group of choices of the form (not the language of the questions,
 * above it): the fourth, or the last there is, by its label as a thumb would.
 */
async function answerEverything(page: Page): Promise<void> {
  const groups = page.locator('form.survey-form').getByRole('radiogroup');
  for (let index = 0; index < (await groups.count()); index += 1) {
    const choices = groups.nth(index).locator('label.radio');
    await choices.nth(Math.min(3, (await choices.count()) - 1)).click();
  }
}

describe('trust measurement', () => {
  it(
    'should let a resident answer the pulse on her phone in Spanish, once',
    async () => {
      expect(demo.pulseUrl).toMatch(/\/pulse\//);
      const { session } = await signInAndSetUpSecondFactor(harness.url, {
        email: coordinator.email,
        password: demo.password,
      });
      coordinatorSession = session;
      const before = await session.call<Dashboard>(`/api${demo.dashboardPath}`);
      answersBefore = before.current.responses;
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'es-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        await page.goto(demo.pulseUrl);
        await page.getByRole('heading', { name: 'Preguntas' }).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'measurement-pulse');

        await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
        await page.getByText('Responda al menos una pregunta antes de enviar.').first().waitFor();

        await answerEverything(page);
        await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
        await page.getByRole('heading', { name: 'Gracias' }).waitFor();
        await page.getByText('Recibimos sus respuestas. Gracias.').waitFor();
        await page.getByRole('heading', { name: '¿Necesita hablar con alguien?' }).waitFor();
        await expectNoAxeViolations(page);

        await page.reload();
        await page.getByRole('heading', { name: 'Usted ya respondió' }).waitFor();
        await expectNoAxeViolations(page);
        expect(errors.filter((error) => !error.includes('409'))).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should show the coordinator the trust index by quarter, with intervals and a table',
    async () => {
      const session = coordinatorSession;
      if (!session) throw new Error('The first test signs the coordinator in.');
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}${demo.dashboardPath}`);
        await page.getByRole('heading', { level: 1, name: 'Trust and outcomes' }).waitFor();
        await page.getByRole('heading', { name: 'Trust index' }).first().waitFor();
        await page.getByText('Show the trust index as a table').click();
        const table = page.getByRole('table').first();
        await table.waitFor();
        // Earlier quarters of the demo's pulse are shown with their 95% intervals.
        await expect(table.getByText(/95% interval/).count()).resolves.toBeGreaterThan(2);
        // Rosa's answer is counted, once; this quarter's figures wait for its end.
        await page.getByText(`This quarter so far: ${answersBefore + 1} answers`).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'measurement-dashboard');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should give a training survey a link for before and one for after, compared on its dashboard',
    async () => {
      const session = coordinatorSession;
      if (!session) throw new Error('The first test signs the coordinator in.');
      const programId = demo.dashboardPath.split('/')[2] ?? '';
      const surveys = await session.call<SurveySummary[]>(`/api/programs/${programId}/surveys`);
      const training = surveys.find((survey) => survey.kind === 'training');
      if (!training) throw new Error('The demo has a training survey.');
      let beforeLink = '';
      const desk = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      try {
        await session.shareWith(desk.page.context());
        await desk.page.goto(`${harness.url}/surveys/${training.id}`);
        await desk.page
          .getByRole('heading', { name: 'Links for before and after the training' })
          .waitFor();
        await desk.page
          .getByRole('heading', { name: 'Before the training', exact: true })
          .waitFor();
        await desk.page.getByRole('heading', { name: 'After the training', exact: true }).waitFor();
        beforeLink = (await desk.page.getByTestId('survey-public-link-before').textContent()) ?? '';
        expect(beforeLink).toMatch(/\/pulse\/[\w-]+\/before$/);
        await expect(desk.page.getByTestId('survey-public-link-after').textContent()).resolves.toBe(
          beforeLink.replace(/before$/, 'after'),
        );
        await expectNoAxeViolations(desk.page);
        await captureEverywhere(desk.page, 'measurement-training-links');

        await desk.page.goto(`${harness.url}/programs/${programId}/measurement?kind=training`);
        await desk.page.getByRole('heading', { level: 1, name: 'Trust and outcomes' }).waitFor();
        await desk.page
          .getByText(
            /Trust went up by [\d.]+ points from before the training to after the training/,
          )
          .first()
          .waitFor();
        await expectNoAxeViolations(desk.page);
        expect(desk.errors).toEqual([]);
      } finally {
        await desk.close();
      }

      const officer = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        await officer.page.goto(beforeLink);
        await officer.page.getByText(/You are answering before the training/).waitFor();
        await expectNoAxeViolations(officer.page);
        await answerEverything(officer.page);
        await officer.page.getByRole('button', { name: 'Send my answers' }).click();
        await officer.page.getByRole('heading', { name: 'Thank you' }).waitFor();
        expect(officer.errors).toEqual([]);
      } finally {
        await officer.close();
      }
    },
    STEP_TIMEOUT,
  );
});
