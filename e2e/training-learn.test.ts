import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MyCourse } from '../shared/training/contract.ts';
import type { CourseContent, Step } from '../shared/training/course.ts';
import { signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

// A learner's own training, on the demo organisation (`restorativ demo`), where Officer Priya
// Nair has the de-escalation course waiting in the "Winter patrol" cohort, not begun. On her
// phone, in Spanish, she finds it in the navigation, reads, gets a knowledge check wrong and
// then right, writes a reflection, meets a refusal that keeps what she typed, walks the
// branching scenario to an ending and again, then finishes the course. Amara, the program's
// coordinator, finds the courses of her program from the same page.

const demo = { password: '' };
const officer = { email: 'p.nair@riversidepd.example' } as const;
const coordinator = { email: 'amara@peacecircle.example' } as const;
const STEP_TIMEOUT = 240_000;

const harness = setUpServerAndBrowser(async (env) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
});

/** The de-escalation course as the starter curriculum writes it: the words the page shows. */
async function deEscalation(): Promise<CourseContent> {
  const file = await readFile(
    new URL('../server/features/training/curriculum/de-escalation.json', import.meta.url),
    'utf8',
  );
  return (JSON.parse(file) as { course: CourseContent }).course;
}

function stepOf<Kind extends Step['type']>(course: CourseContent, id: string, type: Kind) {
  const found = course.modules
    .flatMap((module) => module.lessons.flatMap((lesson) => lesson.steps))
    .find((one) => one.id === id);
  if (found?.type !== type) throw new Error(`The course has no ${type} step ${id}.`);
  return found as Extract<Step, { type: Kind }>;
}

const es = (text: { es?: string }) => text.es ?? '';

/** The first words of a text, enough to find it on the page whatever follows. */
const opening = (text: { es?: string }) => es(text).split('\n')[0]?.slice(0, 60) ?? '';

/** The line under a step's lesson title that says where the learner is. */
async function stepHeading(page: Page, number: number) {
  await page.getByText(new RegExp(`^Paso ${number} de 10 · `)).waitFor();
}

describe('a learner’s own training', () => {
  it(
    'should take an officer through her course on her phone in Spanish',
    async () => {
      const course = await deEscalation();
      const check = stepOf(course, 'de-m1-l1-s2', 'check');
      const reflection = stepOf(course, 'de-m1-l2-s2', 'reflection');
      const several = stepOf(course, 'de-m2-l1-s2', 'check');
      const last = stepOf(course, 'de-m2-l2-s2', 'check');
      const scenario = course.scenarios.find((one) => one.id === 'de-traffic-stop');
      const start = scenario?.nodes.find((node) => node.id === scenario.start);
      const phoneNode = scenario?.nodes.find((node) => node.id === 'phone');
      const escalated = scenario?.nodes.find((node) => node.id === 'end-escalated');
      const phoneDown = start?.choices.find((choice) => choice.id === 'phone-down');
      const insist = phoneNode?.choices.find((choice) => choice.id === 'insist');
      const wrong = check.options.find((option) => option.id === 'a');
      const right = check.options.find((option) => option.id === 'b');
      if (!start || !phoneNode || !escalated || !phoneDown || !insist || !wrong || !right) {
        throw new Error('The de-escalation course changed: update this test.');
      }

      const { session } = await signInAndSetUpSecondFactor(harness.url, {
        email: officer.email,
        password: demo.password,
      });
      const [assigned] = await session.call<MyCourse[]>('/api/me/training');
      if (!assigned) throw new Error('The demo assigns Officer Nair the de-escalation course.');
      const dueOn = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${assigned.dueOn}T00:00:00Z`),
      );
      const stepsPath = `/api/me/training/${assigned.enrolmentId}/steps`;

      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'es-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/dialogues`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await switchLanguage(page, 'es');
        await page.getByRole('navigation').getByRole('link', { name: 'Capacitación' }).click();

        await page.getByRole('heading', { level: 1, name: 'Mi capacitación' }).waitFor();
        const card = page.getByRole('listitem').filter({ hasText: 'Desescalada' });
        await card.getByText(`Vence el ${dueOn}`).waitFor();
        await card.getByText('0 % hecho').waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-mine');

        await card.getByRole('link', { name: 'Empezar' }).click();
        await page.getByRole('heading', { level: 1, name: 'Desescalada' }).waitFor();
        await stepHeading(page, 1);
        await page.getByText('0 de 10 pasos hechos').waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-reading');
        await page.getByRole('button', { name: 'Terminé de leer' }).click();

        await stepHeading(page, 2);
        await page.getByText('1 de 10 pasos hechos').waitFor();
        const answers = page.getByRole('radiogroup');
        await answers.locator('label.radio', { hasText: es(wrong.label) }).click();
        await page.getByRole('button', { name: 'Comprobar mi respuesta' }).click();
        await page.getByText(/^No del todo\./).waitFor();
        await page.getByText(es(wrong.feedback)).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-check-wrong');

        await answers.locator('label.radio', { hasText: es(right.label) }).click();
        await page.getByRole('button', { name: 'Comprobar mi respuesta' }).click();
        await page.getByText('Correcto.', { exact: true }).waitFor();
        await page.getByText(es(right.feedback)).waitFor();
        await page.getByText('2 de 10 pasos hechos').waitFor();
        await expectNoAxeViolations(page);
        await page
          .getByRole('navigation', { name: 'Pasos' })
          .getByRole('button', { name: 'Siguiente' })
          .click();

        await stepHeading(page, 3);
        await page.getByRole('button', { name: 'Terminé de leer' }).click();
        await stepHeading(page, 4);
        await page.getByText(es(reflection.prompt)).waitFor();
        await page.getByText(/^Solo usted puede leer esto\./).waitFor();
        const written =
          'Una vez levanté la voz con un vecino nervioso. Ahora me detendría a escuchar.';
        await page.getByRole('textbox', { name: 'Su reflexión' }).fill(written);
        await page.getByRole('button', { name: 'Guardar mi reflexión' }).click();
        await page.getByText('Lo que escribió', { exact: true }).waitFor();
        await page.getByText(written).waitFor();
        await page.getByRole('textbox', { name: 'Su reflexión' }).waitFor({ state: 'detached' });
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-reflection');

        // She shares it with the coordinators, then thinks better of it: it is hers again.
        await page
          .getByRole('button', { name: 'Compartirla con quienes coordinan el curso' })
          .click();
        await page
          .getByText(/^Compartió esto con quienes coordinan el curso/)
          .first()
          .waitFor();
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Dejar de compartirla' }).click();
        await page
          .getByText(/^Solo usted puede leer esto\./)
          .first()
          .waitFor();
        await page
          .getByRole('button', { name: 'Compartirla con quienes coordinan el curso' })
          .waitFor();

        // Her other reflection was sent from elsewhere meanwhile (another tab, say): the page
        // says so in words, and what she typed stays in the box.
        await session.call(stepsPath, 'POST', {
          type: 'reflect',
          stepId: 'de-m2-l2-s3',
          text: 'Escrito desde otra pestaña.',
        });
        await page.getByText(/^Dónde está: paso 4 de 10$/).click();
        await expectNoAxeViolations(page);
        await screenshot(page, 'training-learn-outline-es-phone');
        await page
          .getByRole('navigation', { name: 'Los pasos del curso' })
          .getByRole('button', { name: /^Paso 9: Reflexión/ })
          .click();
        await stepHeading(page, 9);
        const box = page.getByRole('textbox', { name: 'Su reflexión' });
        await box.fill('Una compañera se apartó y el hombre se calmó.');
        await page.getByRole('button', { name: 'Guardar mi reflexión' }).click();
        await page
          .getByRole('alert')
          .getByText('Este paso ya está hecho. Puede seguir con el siguiente.')
          .waitFor();
        await expect(box.inputValue()).resolves.toBe(
          'Una compañera se apartó y el hombre se calmó.',
        );
        await expectNoAxeViolations(page);
        await screenshot(page, 'training-learn-refused-es-phone');

        await page
          .getByRole('navigation', { name: 'Pasos' })
          .getByRole('button', { name: 'Siguiente' })
          .click();
        await stepHeading(page, 10);
        await page
          .getByRole('heading', { name: 'Escenario: Un control de tránsito tenso' })
          .waitFor();
        await page.getByText(opening(start.situation)).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-scenario');

        await page.getByRole('button', { name: es(phoneDown.label) }).click();
        await page
          .getByRole('region', { name: 'Lo que pasó' })
          .getByText(es(phoneDown.consequence))
          .waitFor();
        await page.getByRole('heading', { name: 'Lo que pasa después' }).waitFor();
        await page.getByText(opening(phoneNode.situation)).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-consequence');

        await page.getByRole('button', { name: es(insist.label) }).click();
        await page
          .getByRole('region', { name: 'Lo que pasó' })
          .getByText(es(insist.consequence))
          .waitFor();
        const ending = page.getByRole('region', { name: 'Cómo terminó' });
        await ending.getByText('Final: salió mal').waitFor();
        await ending.getByText(opening(escalated.situation)).waitFor();
        await ending.getByText('Qué aprender de esto').waitFor();
        await ending.getByText(opening(escalated.feedback ?? {})).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-ending');

        await page.getByRole('button', { name: 'Recorrerlo otra vez' }).click();
        await page.getByRole('heading', { name: 'La situación' }).waitFor();
        await page.getByRole('button', { name: es(phoneDown.label) }).waitFor();
        await expect(page.getByRole('heading', { name: 'Cómo terminó' }).count()).resolves.toBe(0);
        await expectNoAxeViolations(page);

        // Back on the list, the course is more than half done.
        await page.getByRole('link', { name: 'Mi capacitación' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Mi capacitación' }).waitFor();
        // Six of ten steps: two readings, the check, two reflections and the scenario.
        await card.getByText('60 % hecho', { exact: true }).waitFor();
        await card.getByRole('link', { name: 'Continuar' }).click();

        // She finishes what is left, starting where she left off: a reading, a check with
        // several right answers, another reading and a last check.
        await stepHeading(page, 5);
        await page.getByRole('button', { name: 'Terminé de leer' }).click();
        await stepHeading(page, 6);
        for (const option of several.options.filter((one) => one.correct)) {
          await page.locator('label.checkbox', { hasText: es(option.label) }).click();
        }
        await page.getByRole('button', { name: 'Comprobar mi respuesta' }).click();
        await page.getByText('Correcto.', { exact: true }).waitFor();
        await page
          .getByRole('navigation', { name: 'Pasos' })
          .getByRole('button', { name: 'Siguiente' })
          .click();
        await stepHeading(page, 7);
        await page.getByRole('button', { name: 'Terminé de leer' }).click();
        await stepHeading(page, 8);
        const lastRight = last.options.find((one) => one.correct);
        await page.locator('label.radio', { hasText: es(lastRight?.label ?? {}) }).click();
        await page.getByRole('button', { name: 'Comprobar mi respuesta' }).click();
        await page.getByRole('heading', { name: 'Completó este curso' }).waitFor();
        await page.getByText('10 de 10 pasos hechos').waitFor();
        // Her certificate: a PDF to print, and the public page that confirms it.
        await page.getByRole('heading', { name: 'Su certificado' }).waitFor();
        const pdfLink = page.getByRole('link', { name: 'Descargar el certificado (PDF)' });
        const pdf = await page.request.get(
          new URL((await pdfLink.getAttribute('href')) ?? '', harness.url).toString(),
        );
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-completed');
        await page.getByRole('link', { name: 'su página pública' }).click();
        await page.getByRole('heading', { level: 2, name: 'Este certificado es válido' }).waitFor();
        await page.getByText('Officer Priya Nair', { exact: true }).waitFor();
        await page.goBack();
        await page.getByRole('heading', { name: 'Completó este curso' }).waitFor();

        await page.getByRole('link', { name: 'Mi capacitación' }).first().click();
        await page.getByRole('heading', { name: 'Completados' }).waitFor();
        await card.getByText(/^Completado el /).waitFor();
        await card.getByRole('link', { name: 'Volver a recorrerlo' }).waitFor();
        expect(withoutExpectedResponses(errors, [{ status: 409, path: stepsPath }])).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should show a coordinator the courses of her programs on her laptop',
    async () => {
      const { session } = await signInAndSetUpSecondFactor(harness.url, {
        email: coordinator.email,
        password: demo.password,
      });
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await session.shareWith(page.context());
        await page.goto(`${harness.url}/training`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await switchLanguage(page, 'en');
        await page.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
        await page.getByRole('heading', { name: 'No courses for you right now' }).waitFor();
        await page.getByRole('heading', { name: 'Courses of your programs' }).waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-learn-coordinator');
        await page
          .getByRole('link', { name: 'Courses of Neighbourhood listening circles' })
          .click();
        await page
          .getByRole('heading', { level: 1, name: 'Courses of Neighbourhood listening circles' })
          .waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});
