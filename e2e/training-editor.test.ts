import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../shared/profile/contract.ts';
import type { CourseDetail, CourseSummary } from '../shared/training/contract.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { artifactsDir, screenshot, screenshotsWanted } from './support/screenshot.ts';

// Authoring a course in the browser, on the demo organisation. Amara, coordinator of the
// listening circles, edits "Preparing for a circle" on her laptop: she rewrites a lesson's text
// and watches its preview, gives a situation of the scenario a choice that leads back to itself,
// sees the map mark the loop, and has the save refused with the situation named beside it; she
// mends it and saves version 2. A save after someone else's is refused without losing her work.
// On her phone, in Spanish, a new course with its Spanish texts missing is refused field by field.

const demo = { password: '' };
const coordinator = { email: 'amara@peacecircle.example' } as const;
const STEP_TIMEOUT = 240_000;
const world = { programId: '', courseId: '', session: undefined as ApiSession | undefined };

const harness = setUpServerAndBrowser(async (env) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
});

async function signedIn(): Promise<ApiSession> {
  if (world.session) return world.session;
  const { session } = await signInAndSetUpSecondFactor(harness.url, {
    email: coordinator.email,
    password: demo.password,
  });
  const me = await session.call<ProfileResponse>('/api/me');
  world.programId = me.roles.find((role) => role.role === 'coordinator')?.programId ?? '';
  const courses = await session.call<CourseSummary[]>(`/api/programs/${world.programId}/courses`);
  world.courseId = courses.find((course) => course.slug === 'preparing-for-a-circle')?.id ?? '';
  world.session = session;
  return session;
}

/** The form of one situation of the course's first scenario. */
function situation(page: Page, id: string) {
  return page
    .getByRole('region', { name: 'Scenario 1', exact: true })
    .getByRole('group', { name: `Situation “${id}”`, exact: true });
}

describe('authoring a course in the browser', () => {
  it(
    'should refuse a scenario with a loop beside the situation, then save the mended course as version 2',
    async () => {
      const session = await signedIn();
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/courses/${world.courseId}`);
        await page.getByRole('link', { name: 'Edit the course' }).click();
        await page
          .getByRole('heading', {
            level: 1,
            name: 'Edit “Preparing for and taking part in a circle”',
          })
          .waitFor();
        await page.getByText('You are editing version 1. Saving makes version 2.').waitFor();
        await expectNoAxeViolations(page);

        const firstText = page
          .getByRole('region', { name: 'Module 1', exact: true })
          .getByRole('group', { name: 'Lesson 1', exact: true })
          .getByRole('group', { name: 'Step 1: Text', exact: true });
        await firstText
          .getByLabel('Text (English)', { exact: true })
          .fill('## Before the circle\n\nA circle is **a small group** that talks and listens.');
        const preview = firstText.getByRole('figure', { name: 'Preview (English)' });
        await preview.getByRole('heading', { name: 'Before the circle' }).waitFor();
        await expect(preview.locator('strong').textContent()).resolves.toBe('a small group');
        await page.getByText('Changes not saved yet').waitFor();

        const heard = situation(page, 'n-heard');
        await heard.getByRole('button', { name: /^Add a choice\W+Situation “n-heard”$/ }).click();
        const looping = heard.getByRole('group', { name: 'Choice 3', exact: true });
        await looping
          .getByLabel('Choice (English)', { exact: true })
          .fill('Ask him to say it again');
        await looping.getByLabel('Choice (Spanish)', { exact: true }).fill('Pedirle que lo repita');
        await looping
          .getByLabel('What happens because of it (English)', { exact: true })
          .fill('He says it again, more quietly.');
        await looping
          .getByLabel('What happens because of it (Spanish)', { exact: true })
          .fill('Lo repite, más bajo.');
        await looping.getByLabel('Leads to', { exact: true }).selectOption('n-heard');

        const map = page
          .getByRole('region', { name: 'Scenario 1', exact: true })
          .getByRole('region', { name: 'Map of scenario 1' });
        await map.getByText('This scenario would be refused as it is:').waitFor();
        await map.getByText(/could go round forever: n-heard → n-heard\./).waitFor();
        await map.getByText('In a loop', { exact: true }).waitFor();
        await map.getByText('(back into a loop)').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, 'training-editor-loop-en-desktop');
        // The map stays beside the situation being written: what the author sees at that moment.
        await looping.getByLabel('Leads to', { exact: true }).scrollIntoViewIfNeeded();
        if (screenshotsWanted) {
          await page.screenshot({
            path: join(artifactsDir, 'training-editor-loop-view-en-desktop.png'),
          });
        }

        await page.getByRole('button', { name: 'Save the course' }).click();
        const loopMessage =
          'These situations lead back to each other, so a learner could go round forever: n-heard → n-heard.';
        await page
          .getByRole('link', { name: `Scenario 1, Situation “n-heard”: ${loopMessage}` })
          .waitFor();
        await page
          .getByText(
            'The course was not saved. Correct what is marked, then save again. Everything you wrote is still here.',
          )
          .waitFor();
        await heard.getByText(loopMessage, { exact: true }).waitFor();
        await expect(
          looping.getByLabel('Choice (English)', { exact: true }).inputValue(),
        ).resolves.toBe('Ask him to say it again');
        await captureEverywhere(page, 'training-editor-refused');

        await looping.getByLabel('Leads to', { exact: true }).selectOption('n-moved');
        await map.getByText('Every path from the start reaches an ending.').waitFor();
        await page.getByRole('button', { name: 'Save the course' }).click();
        await page
          .getByRole('heading', {
            level: 1,
            name: 'Preparing for and taking part in a circle',
            exact: true,
          })
          .waitFor();
        expect(new URL(page.url()).pathname).toBe(`/courses/${world.courseId}`);
        const version = page.locator('dt', { hasText: 'Version' }).locator('xpath=../dd');
        await expect(version.textContent()).resolves.toBe('2');
        await page.getByRole('heading', { name: 'Before the circle' }).waitFor();
        await expectNoAxeViolations(page);
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/courses/${world.courseId}` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should keep everything typed when someone saved a newer version meanwhile, and ask before leaving',
    async () => {
      const session = await signedIn();
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/courses/${world.courseId}/edit`);
        const title = page.getByLabel('Title (English)', { exact: true }).first();
        await title.waitFor();
        await title.fill('Taking part in a circle');
        const latest = await session.call<CourseDetail>(`/api/courses/${world.courseId}`);
        await session.call(`/api/courses/${world.courseId}`, 'PUT', {
          basedOn: latest.version,
          course: latest.course,
        });
        await page.getByRole('button', { name: 'Save the course' }).click();
        await page
          .getByText(/Someone saved a newer version of this course while you were editing\./)
          .waitFor();
        const newest = page.getByRole('link', { name: 'Open the newest version in a new tab' });
        await expect(newest.getAttribute('target')).resolves.toBe('_blank');
        await expect(newest.getAttribute('href')).resolves.toBe(`/courses/${world.courseId}`);
        await expect(title.inputValue()).resolves.toBe('Taking part in a circle');
        await expectNoAxeViolations(page);
        await screenshot(page, 'training-editor-conflict-en-desktop');

        await page.getByRole('link', { name: 'Back to the course' }).click();
        const leaving = page.getByRole('dialog', { name: 'Leave without saving?' });
        await leaving.waitFor();
        await expectNoAxeViolations(page);
        await leaving.getByRole('button', { name: 'Stay and keep editing' }).click();
        await leaving.waitFor({ state: 'detached' });
        expect(new URL(page.url()).pathname).toBe(`/courses/${world.courseId}/edit`);
        await expect(title.inputValue()).resolves.toBe('Taking part in a circle');
        expect(
          withoutExpectedResponses(errors, [
            { status: 409, path: `/api/courses/${world.courseId}` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should ask before removing a module, and refuse a new course without its Spanish texts on a phone in Spanish, field by field',
    async () => {
      const session = await signedIn();
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'es-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/programs/${world.programId}/courses`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await switchLanguage(page, 'es');
        await page.getByRole('link', { name: 'Escribir un curso nuevo' }).click();
        await page.getByRole('heading', { level: 1, name: 'Curso nuevo' }).waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, 'training-editor-new-es-phone');

        await page.getByLabel('Nombre corto', { exact: true }).fill('escuchar-en-la-calle');
        await page.getByLabel('Título (inglés)', { exact: true }).fill('Listening on the street');
        await page
          .getByLabel('Resumen (inglés)', { exact: true })
          .fill('How to listen when someone stops you on the street.');
        await page.getByLabel('Título del módulo (inglés)', { exact: true }).fill('Listening');
        await page.getByLabel('Título de la lección (inglés)', { exact: true }).fill('First words');
        await page.getByLabel('Texto (inglés)', { exact: true }).fill('Listen **first**.');
        await page
          .getByRole('figure', { name: 'Vista previa (inglés)' })
          .getByText('first', { exact: true })
          .waitFor();
        await page.getByRole('button', { name: 'Agregar un módulo' }).click();
        const second = page.getByRole('region', { name: 'Módulo 2', exact: true });
        await second.waitFor();
        await second.getByRole('button', { name: /^Quitar\W+Módulo 2$/ }).click();
        const removing = page.getByRole('dialog', { name: '¿Quitar esta parte?' });
        await removing
          .getByText('¿Quitar Módulo 2 con todo su contenido?', { exact: false })
          .waitFor();
        await expectNoAxeViolations(page);
        await removing.getByRole('button', { name: 'Quitar', exact: true }).click();
        await second.waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Crear el curso' }).click();

        const missing = 'Escriba esto también en español: el curso se ofrece en español.';
        await page
          .getByRole('heading', { name: 'Algunas respuestas necesitan un cambio' })
          .waitFor();
        await page
          .getByRole('link', { name: `Título (español): ${missing}`, exact: true })
          .waitFor();
        await page
          .getByRole('link', {
            name: `Módulo 1, Lección 1, Paso 1: Texto: Texto (español): ${missing}`,
            exact: true,
          })
          .waitFor();
        await expect(page.getByRole('link', { name: missing }).count()).resolves.toBe(5);
        const spanishTitle = page.getByLabel('Título (español)', { exact: true });
        await expect(spanishTitle.getAttribute('aria-invalid')).resolves.toBe('true');
        await expect(
          spanishTitle.evaluate((input) =>
            (input.getAttribute('aria-describedby') ?? '')
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' '),
          ),
        ).resolves.toContain(missing);
        await expect(
          page.getByLabel('Título (inglés)', { exact: true }).inputValue(),
        ).resolves.toBe('Listening on the street');
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-editor-new-refused');
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/programs/${world.programId}/courses` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});
