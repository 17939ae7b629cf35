import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../shared/commitments/days.ts';
import type {
  DialogueDetail,
  DialogueReport,
  ModerationQueue,
  VoteChoice,
} from '../shared/dialogues/contract.ts';
import { acceptStaffInvitation, setUpFirstAdmin } from './support/accounts.ts';
import { ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import {
  desktop,
  type OpenedPage,
  openPage,
  phone,
  withoutExpectedResponses,
} from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// A guided dialogue on traffic stops, from its planning to its results on the public register,
// on the real server, as the people in it do it. The world is built through the API: a police
// agency (from first-run setup) with a program and its crisis lines, Sam, a facilitator with
// his authenticator app, and Dana, an officer the agency's admin verified as she joined.
// In the browser: Sam plans a public dialogue on his laptop in English, moderated before
// publication, in English and Spanish, with three opening statements, and makes its link.
// Luz opens the link on her phone in Spanish with no account, joins under a pseudonym with her
// neighbourhood, votes on every statement (found by its words, since the order is random),
// changes a vote, is told beside the box what is wrong with an empty and an overlong statement
// (what she typed stays), and adds two statements that wait for moderation. Dana joins from the
// dialogue's page signed in, is told she is labelled as an officer, votes and responds as an
// officer. Two more residents take part through the API, and Grace, on her phone, writes words
// of crisis: they are held, she is shown where to find help, and Sam's queue shows them first
// as a possible crisis. Sam publishes one of Luz's statements and does not publish the other,
// with a reason that Luz reads in Spanish. Sam opens the report while another resident votes,
// and it changes without a reload; he opens a chart's table, downloads the CSV, writes the
// synthesis, publishes the results and turns the common ground into a commitment, which the
// public results page (signed out) and the public register show.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;
const facilitator = {
  name: 'Sam Okafor',
  email: 'sam@eastside.example',
  password: 'a kettle on the stove',
} as const;
const officer = {
  name: 'Dana Reyes',
  email: 'dana@riverside.example',
  password: 'a long walk home',
} as const;
const programName = 'East side conversations';
const supportResources = 'East Side Crisis Line: 555-0100, day and night.';
const topic = 'Traffic stops on the east side';
const description =
  'What should change about traffic stops on the east side, and what should stay?';
const seeds = {
  reason: 'Officers should tell people the reason for a stop before asking for documents.',
  often: 'Traffic stops on the east side happen more often than in the rest of the city.',
  night: 'Stops at night feel more dangerous than stops in daylight.',
} as const;
const luzStatement = 'Los agentes deberían decir su nombre al comenzar cada parada.';
const luzRejected =
  'El agente de la patrulla 14 siempre para a los mismos vecinos y hay que echarlo.';
const rejectReason =
  'No publicamos afirmaciones sobre una persona concreta. Puede escribir qué debería cambiar.';
const crisisStatement = 'Since the last stop I am not safe at home, and I do not know who to call.';
const danaResponse =
  'We are starting to hand out a card at every stop with its reason and the officer’s badge number.';
const synthesis =
  'Residents and officers agree that a stop should begin with its reason. The department will train every patrol officer to say it first.';
const promise = 'Say the reason for every traffic stop first';
const STEP_TIMEOUT = 300_000;

interface World {
  organisationId: string;
  programId: string;
  facilitator: ApiSession;
  officer: ApiSession;
}

let world: World | undefined;
let dialogueId = '';
let joinLink = '';
/** Luz's phone keeps the session the link gave her, for her next visit. */
let luzPhone: OpenedPage | undefined;

async function buildWorld(): Promise<World> {
  const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
  const { session } = await signInAndSetUpSecondFactor(harness.url, admin);
  const orgPath = `/api/organisations/${organisationId}`;
  const { id: programId } = await session.call<{ id: string }>(`${orgPath}/programs`, 'POST', {
    name: programName,
  });
  await session.call(`/api/programs/${programId}`, 'PATCH', { supportResources });
  await session.call(`${orgPath}/invitations`, 'POST', {
    delivery: 'email',
    email: facilitator.email,
    role: 'facilitator',
    programId,
  });
  await acceptStaffInvitation(harness.url, facilitator);
  await session.call(`${orgPath}/invitations`, 'POST', {
    delivery: 'email',
    email: officer.email,
    role: 'officer',
  });
  // Invited by the agency's own admin, the officer is verified as she joins.
  await acceptStaffInvitation(harness.url, officer);
  return {
    organisationId,
    programId,
    facilitator: (await signInAndSetUpSecondFactor(harness.url, facilitator)).session,
    officer: (await signInAndSetUpSecondFactor(harness.url, officer)).session,
  };
}

function theWorld(): World {
  if (!world) throw new Error('The first test builds the world the others need.');
  return world;
}

/** A browser of its own for one person, signed in as `session` when given. */
async function browserFor(
  options: { phone?: boolean; locale?: string; session?: ApiSession } = {},
): Promise<OpenedPage> {
  const opened = await openPage(harness.browser, {
    viewport: options.phone ? phone : desktop,
    locale: options.locale ?? 'en-US',
    ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
  });
  if (options.session) await options.session.shareWith(opened.page.context());
  return opened;
}

/** A resident with no account who joins by the link through the API, as a phone's page does. */
async function residentByLink(displayName: string, language: 'en' | 'es'): Promise<ApiSession> {
  const session = new ApiSession(harness.url);
  await session.call('/api/dialogue-join', 'POST', {
    token: new URL(joinLink).hash.slice(1),
    displayName,
    neighbourhood: 'East side',
    language,
    agreeToTakePart: true,
  });
  return session;
}

/** The dialogue's statements by their words, as the facilitator's report lists them. */
async function statementIds(): Promise<Map<string, string>> {
  const report = await theWorld().facilitator.call<DialogueReport>(
    `/api/dialogues/${dialogueId}/report`,
  );
  return new Map(report.statements.map((statement) => [statement.text, statement.id]));
}

/** Votes through the API on statements named by their words. */
async function voteThroughApi(
  session: ApiSession,
  votes: Partial<Record<string, VoteChoice>>,
): Promise<void> {
  const ids = await statementIds();
  for (const [text, vote] of Object.entries(votes)) {
    const id = ids.get(text);
    if (!id) throw new Error(`no published statement says “${text}”`);
    await session.call(`/api/dialogues/${dialogueId}/statements/${id}/vote`, 'PUT', { vote });
  }
}

/** The statement on the voting card now: its number from its heading, and its words. */
async function cardNow(page: Page): Promise<{ card: Locator; number: number; text: string }> {
  const card = page.locator('article.statement-card');
  await card.waitFor();
  const heading = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const text = ((await card.locator('.statement-card__text').textContent()) ?? '').trim();
  return { card, number: Number(/\d+/.exec(heading)?.[0] ?? Number.NaN), text };
}

/** Waits until the card shows other words than `text`, or every statement was seen. */
async function waitForCardAfter(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const words = document.querySelector('article.statement-card .statement-card__text');
      return !words || words.textContent?.trim() !== previous;
    },
    text,
    { timeout: 15_000 },
  );
}

/**
 * Votes on every statement the page offers, whatever their order: each statement is found by
 * its words in `choices` (a button name). `before` runs on a card before its vote; when it
 * answers 'again', the card may have changed under it, and the card is read anew. Returns the
 * statements' numbers by their words.
 */
async function voteOnEverything(
  page: Page,
  choices: Record<string, string>,
  saved: (choice: string) => string,
  before?: (card: { card: Locator; number: number; text: string }) => Promise<'again' | undefined>,
): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  while (numbers.size < Object.keys(choices).length) {
    const now = await cardNow(page);
    const choice = choices[now.text];
    if (!choice) throw new Error(`an unexpected statement to vote on: “${now.text}”`);
    expect(now.number).toBeGreaterThan(0);
    if ((await before?.(now)) === 'again') continue;
    await now.card.getByRole('button', { name: choice, exact: true }).click();
    await page.getByText(saved(choice), { exact: true }).waitFor({ state: 'attached' });
    await waitForCardAfter(page, now.text);
    numbers.set(now.text, now.number);
    // Focus moves to the next card's heading, so that a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  }
  return numbers;
}

/** A field's own box (label, input, description, message) by the control in it. */
function fieldOf(page: Page, control: Locator): Locator {
  return page.locator('.field').filter({ has: control });
}

/** A date and time `hours` from now, as the browser's datetime-local field takes it. */
function localDateTime(page: Page, hours: number): Promise<string> {
  return page.evaluate((offset) => {
    const at = new Date(Date.now() + offset * 3_600_000);
    const two = (value: number) => String(value).padStart(2, '0');
    return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
  }, hours);
}

/** A moderation item by the words of its statement. */
function queueItem(page: Page, text: string): Locator {
  return page.locator('li.moderation-item').filter({ hasText: text });
}

/** The rows of a CSV file, each a list of its cells (quoted or not). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let at = 0; at < body.length; at += 1) {
    const char = body[at];
    if (quoted) {
      if (char === '"' && body[at + 1] === '"') {
        cell += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[at + 1] === '\n') at += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The figure beside a term of the report's summary. */
function summaryFigure(page: Page, term: string): Locator {
  return page
    .locator('.dialogue-facts > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

describe('a guided dialogue on traffic stops, from planning to the public register', () => {
  it(
    'should let a facilitator plan a public dialogue moderated before publication, with opening statements, and make its link',
    async () => {
      world = await buildWorld();
      const { page, errors, close } = await browserFor({ session: world.facilitator });
      try {
        await page.goto(`${harness.url}/programs/${world.programId}/dialogues`);
        await page
          .getByRole('heading', { level: 1, name: `Dialogues in ${programName}` })
          .waitFor();
        await page.getByRole('link', { name: 'New dialogue' }).click();
        await page.getByRole('heading', { level: 1, name: 'New dialogue' }).waitFor();

        await page.getByRole('textbox', { name: 'Topic' }).fill(topic);
        await page.getByRole('textbox', { name: 'Description (optional)' }).fill(description);
        // Open from an hour ago, so that people can take part at once.
        await page.getByLabel('Opens on').fill(await localDateTime(page, -1));
        await page.getByLabel('Closes on').fill(await localDateTime(page, 24 * 21));
        await page.locator('label.radio', { hasText: 'Anyone with the link' }).click();
        await page.locator('label.radio', { hasText: 'Before they are shown' }).click();
        const languages = page.getByRole('group', { name: 'Languages' });
        expect(await languages.getByRole('checkbox', { name: 'English' }).isChecked()).toBe(true);
        expect(await languages.getByRole('checkbox', { name: 'Español' }).isChecked()).toBe(true);
        await page.getByRole('textbox', { name: 'Statement 1', exact: true }).fill(seeds.reason);
        await page.getByRole('button', { name: 'Add a statement' }).click();
        await page.getByRole('textbox', { name: 'Statement 2', exact: true }).fill(seeds.often);
        await page.getByRole('button', { name: 'Add a statement' }).click();
        await page.getByRole('textbox', { name: 'Statement 3', exact: true }).fill(seeds.night);
        await captureEverywhere(page, 'dialogues-new');
        await page.getByRole('button', { name: 'Create the dialogue' }).click();

        await page.getByRole('heading', { level: 1, name: topic }).waitFor();
        await page.getByText('The dialogue was created.').waitFor();
        dialogueId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
        const detail = await world.facilitator.call<DialogueDetail>(`/api/dialogues/${dialogueId}`);
        expect(detail).toMatchObject({
          state: 'open',
          audience: 'public',
          moderation: 'before',
          languages: ['en', 'es'],
          statements: 3,
        });

        await page.getByRole('button', { name: 'Make a link' }).click();
        const link = page.getByTestId('dialogue-join-link');
        await link.waitFor();
        joinLink = ((await link.textContent()) ?? '').trim();
        expect(joinLink).toMatch(/\/dialogues\/join#[\w-]{16,}$/);
        await page.getByRole('button', { name: 'Copy the link' }).waitFor();
        await captureEverywhere(page, 'dialogues-facilitator');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let a resident join on her phone in Spanish without an account, vote, change a vote, and add statements, with a message beside bad ones',
    async () => {
      luzPhone = await browserFor({ phone: true, locale: 'es-MX' });
      const { page, errors } = luzPhone;
      await page.goto(joinLink);
      await page.getByRole('heading', { level: 1, name: topic }).waitFor();
      await page.getByText('Le invitan a un diálogo').waitFor();
      await page.getByRole('heading', { name: 'Cómo se vota' }).waitFor();
      await captureEverywhere(page, 'dialogues-join');

      await page.getByRole('textbox', { name: 'Su nombre en el diálogo' }).fill('Luz del Barrio');
      await page.getByRole('textbox', { name: 'Su barrio (opcional)' }).fill('Colonia Esperanza');
      expect(
        await page
          .getByRole('radiogroup', { name: 'Su idioma' })
          .getByRole('radio', { name: 'Español' })
          .isChecked(),
      ).toBe(true);
      await page.locator('label.checkbox', { hasText: 'Entiendo' }).click();
      await page.getByRole('button', { name: 'Participar', exact: true }).click();

      // She is in, signed in by the link: one statement at a time, and her progress.
      await page.waitForURL(`**/dialogues/${dialogueId}`);
      await page.getByText('Vistas: 0 de 3').waitFor();
      const saved = (choice: string) => `Voto guardado: ${choice}.`;
      const numbers = await voteOnEverything(
        page,
        {
          [seeds.reason]: 'De acuerdo',
          [seeds.often]: 'En desacuerdo',
          [seeds.night]: 'Paso / No sé',
        },
        saved,
      );
      await page
        .getByRole('heading', { name: 'Ya vio todas las afirmaciones por ahora' })
        .waitFor();
      await page.getByText('Vistas: 3 de 3').waitFor();

      // She changes her mind on one: the card comes back with her vote pressed.
      const often = numbers.get(seeds.often) ?? 0;
      await page
        .getByRole('button', { name: `Cambiar su voto sobre la afirmación ${often}` })
        .click();
      await page.getByText('Está cambiando un voto anterior.').waitFor();
      const changing = await cardNow(page);
      expect(changing.text).toBe(seeds.often);
      expect(
        await changing.card
          .getByRole('button', { name: 'En desacuerdo', exact: true })
          .getAttribute('aria-pressed'),
      ).toBe('true');
      await captureEverywhere(page, 'dialogues-change-vote');
      await changing.card.getByRole('button', { name: 'De acuerdo', exact: true }).click();
      await page.getByText(saved('De acuerdo'), { exact: true }).waitFor({ state: 'attached' });
      await page
        .getByRole('heading', { name: 'Ya vio todas las afirmaciones por ahora' })
        .waitFor();
      await page
        .locator('.recent-vote')
        .filter({ hasText: seeds.often })
        .getByText('Su voto: De acuerdo')
        .waitFor();

      // An empty statement, then one far too long: the reason stands beside the box, what she
      // typed stays, and nothing is added.
      const box = page.getByRole('textbox', { name: 'Su afirmación' });
      const add = page.getByRole('button', { name: 'Agregar la afirmación' });
      await add.click();
      await fieldOf(page, box).getByText('Escriba la afirmación.').waitFor();
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      const tooLong = `${luzStatement} `.repeat(5).trim();
      expect(tooLong.length).toBeGreaterThan(280);
      await box.fill(tooLong);
      await page.getByText(`Sobran ${tooLong.length - 280} caracteres.`).waitFor();
      await add.click();
      await fieldOf(page, box)
        .getByText('La afirmación puede tener hasta 280 caracteres.')
        .waitFor();
      expect(await box.inputValue()).toBe(tooLong);
      expect(await page.getByRole('heading', { name: 'Sus afirmaciones' }).count()).toBe(0);
      await captureEverywhere(page, 'dialogues-statement-errors');

      await box.fill(luzStatement);
      await add.click();
      const addSection = page.getByRole('region', { name: 'Agregar una afirmación' });
      await addSection
        .getByRole('status')
        .getByText('Espera la revisión de la facilitación. Verá el resultado aquí.')
        .waitFor();
      expect(await box.inputValue()).toBe('');
      await box.fill(luzRejected);
      await add.click();
      const mine = page.getByRole('region', { name: 'Sus afirmaciones' });
      for (const text of [luzStatement, luzRejected]) {
        await mine
          .locator('li.my-statement')
          .filter({ hasText: text })
          .getByText('Espera revisión')
          .waitFor();
      }
      await captureEverywhere(page, 'dialogues-voting');
      const statementsPath = `/api/dialogues/${dialogueId}/statements`;
      expect(
        withoutExpectedResponses(errors, [
          { status: 400, path: statementsPath },
          { status: 400, path: statementsPath },
        ]),
      ).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'should let a verified officer join signed in, labelled as an officer, vote and respond as an officer',
    async () => {
      const { officer: danaSession } = theWorld();
      const { page, errors, close } = await browserFor({ session: danaSession });
      try {
        await page.goto(`${harness.url}/dialogues/${dialogueId}`);
        await page.getByRole('heading', { level: 1, name: topic }).waitFor();
        await page
          .getByText(
            'You are a verified officer, so your statements and responses will be labelled as an officer’s.',
          )
          .waitFor();
        const name = page.getByRole('textbox', { name: 'Your name in the dialogue' });
        // Her own name is suggested, once the page knows who she is.
        await expect.poll(() => name.inputValue()).toBe(officer.name);
        await page
          .getByRole('textbox', { name: 'Your neighbourhood (optional)' })
          .fill('East precinct');
        await page.locator('label.checkbox', { hasText: 'I understand how' }).click();
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Take part', exact: true }).click();
        await page.getByText('0 of 3 seen').waitFor();
        const detail = await danaSession.call<DialogueDetail>(`/api/dialogues/${dialogueId}`);
        expect(detail.you).toMatchObject({ role: 'officer', displayName: officer.name });

        // On the statement about how often stops happen, she responds for the police first.
        let responded = false;
        await voteOnEverything(
          page,
          {
            [seeds.reason]: 'Agree',
            [seeds.often]: 'Disagree',
            [seeds.night]: 'Pass / Unsure',
          },
          (choice) => `Vote saved: ${choice}.`,
          async ({ card, number, text }) => {
            if (text !== seeds.often) return undefined;
            const responses = card.getByRole('region', { name: 'Responses from officers' });
            if (responded) {
              // Her response is with the statement, under an officer's label.
              await responses.getByText(danaResponse).waitFor();
              await responses.getByText('Officer response').waitFor();
              return undefined;
            }
            await card
              .getByRole('button', { name: `Respond as an officer to statement ${number}` })
              .click();
            const dialog = page.getByRole('dialog', { name: `Respond to statement ${number}` });
            await dialog.getByRole('textbox', { name: 'Your response' }).fill(danaResponse);
            await expectNoAxeViolations(page);
            await dialog.getByRole('button', { name: 'Publish the response' }).click();
            await page.getByText('Your response was published.').waitFor();
            responded = true;
            // The page asks for the next statement again: it shows this one with the response,
            // or (the draw is random) another one, and this one comes back later.
            await page.waitForFunction(
              ({ statement, response }) => {
                const shown = document.querySelector('article.statement-card');
                const words = shown?.querySelector('.statement-card__text')?.textContent?.trim();
                return words !== statement || shown?.textContent?.includes(response) === true;
              },
              { statement: seeds.often, response: danaResponse },
            );
            return 'again';
          },
        );
        await page
          .getByRole('heading', { name: 'You have seen every statement for now' })
          .waitFor();
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should hold a statement with crisis wording, show its author where to find help, and show it to the facilitator first',
    async () => {
      // Two more residents have taken part by the link, from their own phones.
      const omar = await residentByLink('Omar', 'en');
      await voteThroughApi(omar, {
        [seeds.reason]: 'agree',
        [seeds.often]: 'agree',
        [seeds.night]: 'disagree',
      });
      const grace = await residentByLink('Grace', 'en');
      await voteThroughApi(grace, {
        [seeds.reason]: 'agree',
        [seeds.often]: 'agree',
        [seeds.night]: 'disagree',
      });

      const gracePhone = await browserFor({ phone: true, session: grace });
      try {
        const { page } = gracePhone;
        await page.goto(`${harness.url}/dialogues/${dialogueId}`);
        await page
          .getByRole('heading', { name: 'You have seen every statement for now' })
          .waitFor();
        await page.getByRole('textbox', { name: 'Your statement' }).fill(crisisStatement);
        await page.getByRole('button', { name: 'Add the statement' }).click();
        // Where the form was: a person will reach out, and where to find help now.
        const outcome = page.getByRole('region', { name: 'Add a statement' }).getByRole('status');
        await outcome
          .getByText('Thank you for telling us. Your statement has not been published', {
            exact: false,
          })
          .waitFor();
        await outcome
          .getByText('If you or someone else needs help now, you do not have to wait:')
          .waitFor();
        expect(await outcome.getByRole('link', { name: '988' }).getAttribute('href')).toBe(
          'tel:988',
        );
        await outcome.getByText(supportResources).waitFor();
        await page
          .getByRole('region', { name: 'Your statements' })
          .locator('li.my-statement')
          .filter({ hasText: crisisStatement })
          .getByText('With a facilitator')
          .waitFor();
        await captureEverywhere(page, 'dialogues-crisis-help');
        expect(gracePhone.errors).toEqual([]);
      } finally {
        await gracePhone.close();
      }

      const { page, errors, close } = await browserFor({ session: theWorld().facilitator });
      try {
        await page.goto(`${harness.url}/dialogues/${dialogueId}`);
        await page.getByRole('link', { name: 'Moderate statements (waiting: 3)' }).click();
        await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Waiting (3)' }).waitFor();
        const waiting = page.locator(
          'section[aria-labelledby="moderation-waiting"] li.moderation-item',
        );
        const first = waiting.first();
        await first.getByText(crisisStatement).waitFor();
        await first.getByText('Possible crisis').waitFor();
        await first.getByText('Reach out to the author today', { exact: false }).waitFor();
        await first.getByText('By “Grace”', { exact: false }).waitFor();
        await captureEverywhere(page, 'dialogues-moderation');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let the facilitator publish one statement and not publish another with a reason that its author reads in Spanish',
    async () => {
      const { page, errors, close } = await browserFor({ session: theWorld().facilitator });
      try {
        await page.goto(`${harness.url}/dialogues/${dialogueId}/moderation`);
        await page.getByRole('heading', { level: 2, name: 'Waiting (3)' }).waitFor();

        const published = queueItem(page, luzStatement);
        await published.getByText('By “Luz del Barrio”', { exact: false }).waitFor();
        const publishNumber = /\d+/.exec(
          (await published.getByRole('heading', { level: 3 }).textContent()) ?? '',
        )?.[0];
        await published
          .getByRole('button', { name: `Publish statement ${publishNumber}`, exact: true })
          .click();
        await page.getByText(`Statement ${publishNumber} was published.`).waitFor();

        const rejected = queueItem(page, luzRejected);
        const rejectNumber = /\d+/.exec(
          (await rejected.getByRole('heading', { level: 3 }).textContent()) ?? '',
        )?.[0];
        await rejected
          .getByRole('button', { name: `Do not publish statement ${rejectNumber}` })
          .click();
        const dialog = page.getByRole('dialog', {
          name: `Do not publish statement ${rejectNumber}`,
        });
        // A reason is required: the author reads it.
        await dialog.getByRole('button', { name: 'Do not publish', exact: true }).click();
        await dialog.getByText('Give a reason.').first().waitFor();
        await dialog.getByRole('textbox', { name: 'Reason' }).fill(rejectReason);
        await expectNoAxeViolations(page);
        await dialog.getByRole('button', { name: 'Do not publish', exact: true }).click();
        await page.getByText(`Statement ${rejectNumber} will not be published.`).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Waiting (1)' }).waitFor();
        await page.getByText('Show decided statements', { exact: false }).click();
        await expectNoAxeViolations(page);
        expect(
          withoutExpectedResponses(errors, [
            {
              status: 400,
              path: `/api/dialogues/${dialogueId}/statements/${
                (await statementIdsAll()).get(luzRejected) ?? ''
              }/moderate`,
            },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }

      // Luz comes back on her phone: one statement published, the other not, with the reason.
      if (!luzPhone) throw new Error('Luz’s phone is opened by an earlier test.');
      const luz = luzPhone.page;
      await luz.reload();
      const mine = luz.getByRole('region', { name: 'Sus afirmaciones' });
      const hers = mine.locator('li.my-statement');
      await hers
        .filter({ hasText: luzStatement })
        .getByText('Publicada', { exact: true })
        .waitFor();
      const notPublished = hers.filter({ hasText: luzRejected });
      await notPublished.getByText('No publicada', { exact: true }).waitFor();
      await notPublished.getByText('La facilitación no publicó esta afirmación.').waitFor();
      await notPublished.getByText('El motivo de la facilitación:').waitFor();
      await notPublished.getByText(rejectReason).waitFor();
      // Her own statement is never offered to her to vote on.
      await luz.getByRole('heading', { name: 'Ya vio todas las afirmaciones por ahora' }).waitFor();
      await captureEverywhere(luz, 'dialogues-my-statements');
      expect(
        withoutExpectedResponses(luzPhone.errors, [
          { status: 400, path: `/api/dialogues/${dialogueId}/statements` },
          { status: 400, path: `/api/dialogues/${dialogueId}/statements` },
        ]),
      ).toEqual([]);
      await luzPhone.close();
      luzPhone = undefined;
    },
    STEP_TIMEOUT,
  );

  it(
    'should update the report live as a vote arrives, show a chart as a table and export the CSV, then take the synthesis and a commitment',
    async () => {
      const ana = await residentByLink('Ana', 'es');
      const { page, errors, close } = await browserFor({ session: theWorld().facilitator });
      try {
        await page.goto(`${harness.url}/dialogues/${dialogueId}/report`);
        await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
        // The live line is open once the page says when it last heard from it.
        await page.getByText(/^Updated at /).waitFor();
        const votes = summaryFigure(page, 'Votes cast');
        const before = Number(await votes.textContent());
        expect(before).toBe(12);
        await summaryFigure(page, 'Participants').getByText('5').waitFor();
        // Nobody reloads: a mark left in the page must survive the update.
        await page.evaluate(() => {
          (window as unknown as { stayed: boolean }).stayed = true;
        });

        await voteThroughApi(ana, { [seeds.reason]: 'agree' });
        await votes.getByText(String(before + 1), { exact: true }).waitFor({ timeout: 15_000 });
        expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
          true,
        );

        // The statement everyone agreed with is the common ground; its chart has a table.
        const commonGround = page.getByRole('region', { name: 'Common ground' });
        const reason = commonGround
          .locator('li.statement-result')
          .filter({ hasText: seeds.reason });
        await reason.waitFor();
        const reasonNumber = /\d+/.exec(
          (await reason.getByRole('heading', { level: 3 }).textContent()) ?? '',
        )?.[0];
        await reason.getByText(`Show statement ${reasonNumber} as a table`).click();
        const table = reason.getByRole('table', {
          name: `Votes on statement ${reasonNumber}, by group`,
        });
        const everyone = table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: 'Everyone' }) });
        expect(await everyone.getByRole('cell').allTextContents()).toEqual([
          '5',
          '0',
          '0',
          expect.stringMatching(/^100% agree \(\d+–100%\)$/),
        ]);
        await table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: 'Officers' }) })
          .getByText('fewer than 5 people: not shown')
          .waitFor();
        // Dana's response is counted with the statement she answered.
        await page
          .locator('li.statement-result')
          .filter({ hasText: seeds.often })
          .getByText('Officer responses: 1')
          .waitFor();
        // Luz's published statement is among the others; the one not published is nowhere.
        await page.locator('li.statement-result').filter({ hasText: luzStatement }).waitFor();
        // Written in Spanish, it is marked so on this English page, for screen readers.
        expect(await page.getByText(luzStatement).getAttribute('lang')).toBe('es');
        expect(await page.getByText(luzRejected).count()).toBe(0);
        expect(await page.getByText(crisisStatement).count()).toBe(0);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download the results (CSV)' }).click(),
        ]);
        const csv = await readFile(await download.path(), 'utf8');
        const [header = [], ...rows] = csvRows(csv);
        expect(header.slice(0, 6)).toEqual([
          'number',
          'text',
          'author role',
          'agree',
          'disagree',
          'pass',
        ]);
        const reasonRow = rows.find((row) => row[1] === seeds.reason) ?? [];
        expect(reasonRow.slice(0, 6)).toEqual([
          reasonNumber,
          seeds.reason,
          'facilitator',
          '5',
          '0',
          '0',
        ]);
        expect(reasonRow[header.indexOf('common ground')]).toBe('yes');
        // The officers are fewer than 5: their cells are blank, as the page shows no figure.
        expect(reasonRow[header.indexOf('officer agree rate')]).toBe('');
        expect(csv).not.toContain(luzRejected);
        expect(csv).not.toContain('Luz del Barrio');
        await captureEverywhere(page, 'dialogues-report');

        // The synthesis, and the results made public.
        await page.getByRole('textbox', { name: 'Synthesis', exact: true }).fill(synthesis);
        await page
          .locator('label.checkbox', { hasText: 'Publish the results to the public' })
          .click();
        await page.getByRole('button', { name: 'Save the synthesis' }).click();
        await page.getByText('The synthesis was saved, and the results are public.').waitFor();
        await page.getByRole('link', { name: 'See the public page' }).waitFor();

        // The common ground becomes a promise on the register, owned by the agency.
        await page.getByRole('button', { name: 'Turn into a commitment' }).click();
        await page.getByRole('textbox', { name: 'Commitment', exact: true }).fill(promise);
        await page.locator('label.radio', { hasText: 'An organisation' }).click();
        await page
          .getByLabel('Organisation', { exact: true })
          .selectOption({ label: admin.organisation });
        await page
          .getByRole('textbox', { name: 'Part of the organisation (optional)' })
          .fill('Patrol Division');
        await page.getByLabel('Due on').fill(addDays(dayIn('UTC'), 60));
        await page.locator('label.radio', { hasText: /^Public/ }).click();
        await page
          .locator('label.checkbox', { hasText: `${reasonNumber}. ${seeds.reason}` })
          .click();
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Add to the register' }).click();
        await page.getByText('The commitment was added to the register.').waitFor();
        await page
          .getByRole('region', { name: 'Commitments' })
          .getByRole('link', { name: promise })
          .waitFor();
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should show the synthesis, the common ground and the commitment to anyone, and the commitment on the public register',
    async () => {
      const { page, errors, close } = await browserFor({ phone: true, locale: 'es-MX' });
      try {
        await page.goto(`${harness.url}/public/dialogues/${dialogueId}`);
        await page.getByRole('heading', { level: 1, name: topic }).waitFor();
        await page.getByText('Personas que participaron: 5', { exact: false }).waitFor();
        await page.getByText(synthesis).waitFor();
        await page.locator('li.public-statement').filter({ hasText: seeds.reason }).waitFor();
        expect(await page.getByText(seeds.night).count()).toBe(0);
        const body = (await page.locator('main').textContent()) ?? '';
        for (const name of ['Luz del Barrio', officer.name, 'Grace', facilitator.name]) {
          expect(body).not.toContain(name);
        }
        await captureEverywhere(page, 'dialogues-public-results');

        await page.getByRole('link', { name: promise }).click();
        await page.getByRole('heading', { level: 1, name: promise }).waitFor();
        await page.getByText(admin.organisation).first().waitFor();
        await expectNoAxeViolations(page);
        await page.goto(`${harness.url}/register/programs/${theWorld().programId}`);
        await page.locator('article', { hasText: promise }).waitFor();
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});

/** Every statement's id by its words, rejected ones too, from the facilitator's queue. */
async function statementIdsAll(): Promise<Map<string, string>> {
  const queue = await theWorld().facilitator.call<ModerationQueue>(
    `/api/dialogues/${dialogueId}/moderation`,
  );
  return new Map(
    [...queue.waiting, ...queue.decided].map((statement) => [statement.text, statement.id]),
  );
}
