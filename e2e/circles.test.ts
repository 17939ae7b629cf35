import { join } from 'node:path';
import type { Cookie, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../shared/commitments/days.ts';
import { acceptStaffInvitation, setUpFirstAdmin } from './support/accounts.ts';
import { type ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import {
  desktop,
  type OpenedPage,
  openPage,
  phone,
  withoutExpectedResponses,
} from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import {
  cuttableLine,
  expectFitsTheScreen,
  holdableLine,
  messageFrom,
  pass,
  post,
  roomWords,
  tabTo,
  waitForMyTurn,
  waitUntilSpoken,
} from './support/circle-room.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { latestEmail } from './support/outbox.ts';
import { artifactsDir, screenshot } from './support/screenshot.ts';

// A circle from its planning to its harvest on the real server, with five people in five
// browsers at once: Rosa, a coordinator, plans a weekly series and keeps its first circle; Dana,
// an officer the agency verified; and three residents without accounts: Luz on her phone in
// Spanish and Grace on hers, by the circle's join link, and Amir, by the invitation in his email,
// who uses the keyboard alone. The circle goes through every stage with a question posed at each;
// people post, pass, respond, step out and come back, ask for a private word and report; Luz's
// line drops and comes back without losing anything; the keeper pauses, closes the door, gives
// and takes back the piece, hides a message and asks Grace to leave; everyone agrees to a written
// record; the keeper closes the circle, writes the harvest and shares it; Luz approves it on her
// phone; the keeper makes it final and the commitment is on the register; and the next circle of
// the series opens with that harvest.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;
const keeper = {
  name: 'Rosa Marín',
  email: 'rosa@eastside.example',
  password: 'lanterns by the water',
} as const;
const officer = {
  name: 'Dana Reyes',
  email: 'dana@riverside.example',
  password: 'a long walk home',
} as const;
const amirEmail = 'amir@example.org';
const programName = 'East End listening circles';
const purpose = 'Listening circle on traffic stops in the East End';
const supportResources =
  'East End Crisis Line: 555-0100, day and night.\nVictim support office: 555-0142, weekdays 9 to 5.';
const promise = 'Start a monthly community walk with East End officers';
const STEP_TIMEOUT = 300_000;

interface World {
  organisationId: string;
  programId: string;
  admin: ApiSession;
  keeper: ApiSession;
  officer: ApiSession;
}

let world: World | undefined;
/** The circles of the weekly series, first to last, and the first circle's join link. */
let seriesIds: string[] = [];
let joinLink = '';
let amirLink = '';
/** The session Luz's phone got when she joined without an account, for her next visit. */
let luzCookies: Cookie[] = [];

async function buildWorld(): Promise<World> {
  const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
  const { session } = await signInAndSetUpSecondFactor(harness.url, admin);
  const orgPath = `/api/organisations/${organisationId}`;
  const { id: programId } = await session.call<{ id: string }>(`${orgPath}/programs`, 'POST', {
    name: programName,
    partners: [{ name: 'East End Community Trust', kind: 'community_organisation' }],
  });
  await session.call(`/api/programs/${programId}`, 'PATCH', {
    timeZone: 'America/Chicago',
    supportResources,
  });
  await session.call(`${orgPath}/invitations`, 'POST', {
    delivery: 'email',
    email: keeper.email,
    role: 'coordinator',
    programId,
  });
  await acceptStaffInvitation(harness.url, keeper);
  await session.call(`${orgPath}/invitations`, 'POST', {
    delivery: 'email',
    email: officer.email,
    role: 'officer',
  });
  // Invited by the agency's own admin, the officer is verified as they join.
  await acceptStaffInvitation(harness.url, officer);
  return {
    organisationId,
    programId,
    admin: session,
    keeper: (await signInAndSetUpSecondFactor(harness.url, keeper)).session,
    officer: (await signInAndSetUpSecondFactor(harness.url, officer)).session,
  };
}

function theWorld(): World {
  if (!world) throw new Error('The planning test builds the world the others need.');
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

/** The local date and time a week from now at 18:00, as a datetime-local field takes it. */
function nextWeekAtSix(): string {
  return `${addDays(dayIn('America/Chicago'), 7)}T18:00`;
}

/** The seating ring's names, in seat order, as a screen reader lists them. */
function ring(page: Page) {
  return page.getByRole('region', { name: /^(In the circle|En el círculo)/ }).getByRole('listitem');
}

describe('circles, from planning to the harvest on the register', () => {
  it(
    'should let a coordinator plan a weekly series, refusing a bad capacity beside its field, invite people and make a join link',
    async () => {
      world = await buildWorld();
      const { programId } = world;
      const { page, errors, close } = await browserFor({ session: world.keeper });
      try {
        await page.goto(`${harness.url}/me`);
        await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Circles' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Your circles' }).waitFor();
        await page.getByText('You have no circles at the moment.').waitFor();
        await expectNoAxeViolations(page);
        await page.getByRole('link', { name: `Circles of ${programName}` }).click();
        await page.getByRole('heading', { level: 1, name: `Circles of ${programName}` }).waitFor();
        await page.getByRole('link', { name: 'Plan a circle' }).click();
        await page.getByRole('heading', { level: 1, name: 'Plan a circle' }).waitFor();

        // The program's zone is named beside the start time, and the circle takes it.
        await page
          .getByText(/^In Central (Standard|Daylight) Time \(America\/Chicago\)\.$/)
          .waitFor();
        await page.getByRole('textbox', { name: 'What is the circle for?' }).fill(purpose);
        await page.getByLabel('Date and start time').fill(nextWeekAtSix());
        expect(await page.getByLabel('Keeper', { exact: true }).inputValue()).not.toBe('');
        await page.getByLabel('Co-keeper (optional)').selectOption({ label: admin.name });
        await page.getByRole('textbox', { name: 'How many people may take part?' }).fill('40');
        await page.locator('label.radio', { hasText: 'Every week' }).click();
        await page.getByRole('textbox', { name: 'How many circles in the series?' }).fill('4');
        await page.getByRole('button', { name: 'Plan the series' }).click();

        // The server refuses 40 places; the message stands by the field, and nothing is lost.
        const capacity = page.getByRole('textbox', { name: 'How many people may take part?' });
        await page
          .locator('.field')
          .filter({ has: capacity })
          .getByText('A circle has at most 30 places.')
          .waitFor();
        expect(await capacity.getAttribute('aria-invalid')).toBe('true');
        expect(
          await page.getByRole('textbox', { name: 'What is the circle for?' }).inputValue(),
        ).toBe(purpose);
        const summary = page.locator('.error-summary');
        expect(await summary.evaluate((node) => node === document.activeElement)).toBe(true);
        await captureEverywhere(page, 'circles-plan-errors');

        await capacity.fill('12');
        await page.getByRole('button', { name: 'Plan the series' }).click();
        await page.getByRole('heading', { level: 1, name: purpose }).waitFor();
        await page.getByText('4 circles are planned.').waitFor();
        await page.getByText('Circle 1 of 4').waitFor();
        const firstId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

        // Dana, from the program's people, and Amir, by his address.
        await page.locator('label.checkbox', { hasText: `${officer.name} (Officer)` }).click();
        await page
          .getByRole('textbox', { name: 'Email addresses of people without an account (optional)' })
          .fill(amirEmail);
        await page.getByRole('button', { name: 'Send the invitations' }).click();
        await page.getByText('Invitations sent: 2.').waitFor();
        await page.locator('.circle-invitees').getByText(officer.name).waitFor();
        const invitation = await latestEmail(harness.url, amirEmail, 'circle-invitation');
        expect(invitation.textBody).toContain(purpose);
        const calendar = invitation.attachments.find((file) =>
          file.contentType.startsWith('text/calendar'),
        );
        expect(calendar?.filename).toMatch(/\.ics$/);
        expect(calendar?.content).toContain('BEGIN:VCALENDAR');
        expect(calendar?.content).toContain(purpose);
        amirLink = /(https?:\/\/\S+?\/circles\/join#[\w-]+)/.exec(invitation.textBody)?.[1] ?? '';
        expect(amirLink).not.toBe('');

        // A join link for residents, shown once with its QR code.
        await page.getByRole('button', { name: 'Make a join link' }).click();
        await page.getByRole('heading', { name: 'Your join link is ready' }).waitFor();
        await page.getByRole('img', { name: 'QR code of the join link' }).waitFor();
        joinLink = ((await page.getByTestId('circle-join-link').textContent()) ?? '').trim();
        expect(joinLink).toMatch(/\/circles\/join#[\w-]+$/);
        await captureEverywhere(page, 'circles-circle-keeper');
        await page.getByRole('button', { name: 'I have shared it' }).click();
        await page.getByText(/A join link works until/).waitFor();

        // The series, soonest first, under "Coming up".
        await page.getByRole('link', { name: `All circles of ${programName}` }).click();
        await page.getByRole('heading', { level: 2, name: 'Coming up' }).waitFor();
        const cards = page.locator('.circle-card');
        expect(await cards.count()).toBe(4);
        expect(await cards.first().textContent()).toContain('Circle 1 of 4');
        await captureEverywhere(page, 'circles-program');
        const summaries = await world.keeper.call<{ id: string; startsAt: string }[]>(
          `/api/programs/${programId}/circles`,
        );
        seriesIds = summaries
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
          .map((circle) => circle.id);
        expect(seriesIds[0]).toBe(firstId);
        expect(
          withoutExpectedResponses(errors, [
            { status: 400, path: `/api/programs/${programId}/circles` },
          ]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should take five people in five browsers through every stage of a circle, safely, to its close',
    async () => {
      const { keeper: keeperSession, officer: officerSession } = theWorld();
      const circleId = seriesIds[0] ?? '';
      const keeperBrowser = await browserFor({ session: keeperSession });
      const officerBrowser = await browserFor({ session: officerSession });
      const luzBrowser = await browserFor({ phone: true, locale: 'es-MX' });
      const amirBrowser = await browserFor();
      const graceBrowser = await browserFor({ phone: true });
      const rosa = keeperBrowser.page;
      const dana = officerBrowser.page;
      const luz = luzBrowser.page;
      const luzLine = await cuttableLine(luz);
      const rosaLine = await holdableLine(rosa);
      const amir = amirBrowser.page;
      const grace = graceBrowser.page;
      const en = roomWords.en;
      const es = roomWords.es;
      const everyone = [rosa, dana, luz, amir, grace];
      try {
        // The keeper and the officer come in from the circle's page, signed in.
        for (const page of [rosa, dana]) {
          await page.goto(`${harness.url}/circles/${circleId}`);
          await page.getByRole('link', { name: 'Join this circle' }).click();
          await page.getByRole('heading', { level: 2, name: 'Join the circle' }).waitFor();
        }
        await dana
          .getByText('As a verified officer, you will carry the officer badge in the circle')
          .waitFor();
        for (const [page, count] of [
          [rosa, 1],
          [dana, 2],
        ] as const) {
          await page.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
          await page.getByRole('button', { name: 'Join the circle' }).click();
          await page.getByRole('heading', { level: 2, name: `In the circle (${count})` }).waitFor();
        }
        await rosa.getByText('The circle is not open yet.').waitFor();

        // Luz, on her phone in Spanish, reads the page before joining, and must agree first.
        await luz.goto(joinLink);
        await luz.getByRole('heading', { level: 1, name: purpose }).waitFor();
        await luz.getByRole('heading', { level: 2, name: 'La pieza de la palabra' }).waitFor();
        await luz.getByText('Lo que se dice aquí, se queda aquí.').waitFor();
        await captureEverywhere(luz, 'circles-pre-join');
        await expectFitsTheScreen(luz);
        await luz.getByRole('textbox', { name: 'Su nombre en el círculo' }).fill('Luz M.');
        await luz.getByRole('button', { name: 'Unirme al círculo' }).click();
        await luz
          .getByText('Para participar, acepte las pautas. Igual puede irse cuando quiera.')
          .first()
          .waitFor();
        expect(
          await luz.getByRole('textbox', { name: 'Su nombre en el círculo' }).inputValue(),
        ).toBe('Luz M.');
        await luz.locator('label.checkbox', { hasText: 'Leí las pautas y las acepto' }).click();
        await luz.getByRole('button', { name: 'Unirme al círculo' }).click();
        await luz.getByText('Quien guía el círculo lo abrirá pronto.').waitFor();
        await rosa.getByRole('heading', { level: 2, name: 'In the circle (3)' }).waitFor();

        // Amir, from the invitation in his email; Grace, from the join link.
        for (const [page, link, name, count] of [
          [amir, amirLink, 'Amir', 4],
          [grace, joinLink, 'Grace', 5],
        ] as const) {
          await page.goto(link);
          await page.getByRole('textbox', { name: 'Your name in the circle' }).fill(name);
          await page.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
          await page.getByRole('button', { name: 'Join the circle' }).click();
          await rosa.getByRole('heading', { level: 2, name: `In the circle (${count})` }).waitFor();
        }
        expect(await ring(rosa).allInnerTexts()).toEqual([
          expect.stringMatching(new RegExp(`^${keeper.name} \\(you\\)\\s*Keeper`)),
          expect.stringMatching(new RegExp(`^${officer.name}\\s*Officer`)),
          expect.stringMatching(/^Luz M\.$/),
          expect.stringMatching(/^Amir$/),
          expect.stringMatching(/^Grace$/),
        ]);

        // Opening: the keeper opens the circle, poses a question from the library, and the
        // piece goes round in seating order.
        await rosa.getByRole('button', { name: 'Open the circle' }).click();
        await waitForMyTurn(rosa, en);
        const opening = 'In a few words: what brought you to this circle today?';
        await rosa.getByRole('button', { name: `Pose the question: ${opening}` }).click();
        for (const page of everyone) await page.getByText(opening).first().waitFor();
        // The keeper posts her welcome and passes before her words have come back, on a slow
        // line: both happen, in that order.
        const welcome = 'Welcome, everyone. Thank you for coming tonight.';
        await rosa.getByRole('textbox', { name: en.yourWords }).fill(welcome);
        rosaLine.hold();
        await rosa.getByRole('button', { name: en.post, exact: true }).click();
        await rosa.getByRole('button', { name: en.pass, exact: true }).click();
        await messageFrom(amir, welcome).waitFor();
        rosaLine.release();
        await amir.getByText(en.listeningTo(officer.name)).waitFor();
        await post(dana, en, 'I patrol the East End at night. I came to listen.');
        await pass(dana, en);

        const luzWords = 'Vine porque me da miedo llamar a la policía cuando pasa algo.';
        await waitUntilSpoken(luz, 'La pieza de la palabra es suya. Puede hablar o pasar.');
        await post(luz, es, luzWords);
        await captureEverywhere(luz, 'circles-room-resident-turn');
        await expectFitsTheScreen(luz);
        // Dana thanks Luz quietly; Luz sees it under her words, and the piece stays with her.
        await messageFrom(dana, luzWords).getByRole('button', { name: 'Thank you' }).click();
        await messageFrom(luz, luzWords).getByText('Gracias: 1').waitFor();
        await waitForMyTurn(luz, es);
        await pass(luz, es);

        // Amir writes and passes with the keyboard alone.
        await waitForMyTurn(amir, en);
        const amirWords = 'I want my kids to feel safe walking home.';
        await tabTo(amir, amir.getByRole('textbox', { name: en.yourWords }));
        await amir.keyboard.type(amirWords);
        await amir.keyboard.press('Control+Enter');
        await messageFrom(amir, amirWords).waitFor();
        await tabTo(amir, amir.getByRole('button', { name: en.pass, exact: true }));
        await amir.keyboard.press('Enter');
        await amir.getByText(en.listeningTo('Grace')).waitFor();
        await waitUntilSpoken(luz, 'Amir: I want my kids to feel safe walking home.');

        // Grace passes without a word.
        await pass(grace, en);
        await waitForMyTurn(rosa, en);
        await captureEverywhere(amir, 'circles-room-listening');

        // Check-in: Grace steps out; the piece goes round without her; she comes back.
        await rosa.getByRole('button', { name: 'Move on to: Check-in' }).click();
        const checkIn = 'How are you arriving today? One word or one sentence is enough.';
        await rosa.getByRole('button', { name: `Pose the question: ${checkIn}` }).click();
        await grace.getByRole('button', { name: 'Step out quietly' }).click();
        await grace.getByText('You have stepped out.').waitFor();
        await ring(rosa).filter({ hasText: 'Grace' }).getByText('stepped out').waitFor();
        await pass(rosa, en);
        await pass(dana, en);
        await pass(luz, es);
        await pass(amir, en);
        await waitForMyTurn(rosa, en);
        await grace.getByRole('button', { name: 'Come back to the circle' }).click();
        await ring(rosa).filter({ hasText: 'Grace' }).getByText('stepped out').waitFor({
          state: 'detached',
        });

        // Values: Luz asks for a private word, and finds the program's support in one tap.
        await rosa.getByRole('button', { name: 'Move on to: Values and guidelines' }).click();
        const values = 'What do you need from the others in this circle to speak honestly?';
        await rosa.getByRole('button', { name: `Pose the question: ${values}` }).click();
        await luz.getByRole('button', { name: 'Pedir hablar en privado' }).click();
        await luz.getByRole('dialog').getByText('llega a la vez a la persona guía').waitFor();
        await luz
          .getByRole('dialog')
          .getByRole('button', { name: 'Pedir hablar en privado' })
          .click();
        await luz.getByText('Su pedido llegó a quienes guían el círculo.').waitFor();
        await rosa.getByText(/^Luz M\. asked at/).waitFor();
        await luz
          .getByRole('region', { name: 'Notificaciones' })
          .getByRole('button', { name: 'Cerrar' })
          .click();
        await luz.getByRole('button', { name: 'Apoyo y líneas de ayuda' }).click();
        await luz.getByRole('dialog').getByText('East End Crisis Line: 555-0100').waitFor();
        await expectNoAxeViolations(luz);
        // The dialog as the phone's screen shows it, rather than the whole page behind it.
        await luz.screenshot({ path: join(artifactsDir, 'circles-room-support-es-phone.png') });
        await luz.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).click();

        // Sharing stories: Amir is given the piece; his words are reported and hidden.
        await rosa.getByRole('button', { name: 'Move on to: Sharing stories' }).click();
        await rosa
          .getByRole('button', { name: /^Pose the question:/ })
          .first()
          .click();
        await rosa.getByLabel('Give the piece to').selectOption({ label: 'Amir' });
        await rosa.getByRole('button', { name: 'Give the piece', exact: true }).click();
        const hurtful = 'Every cop in this town is a liar.';
        await post(amir, en, hurtful);
        await messageFrom(grace, hurtful)
          .getByRole('button', { name: 'Report the message from Amir' })
          .click();
        await grace.getByRole('dialog').getByRole('button', { name: 'Report the message' }).click();
        await messageFrom(grace, hurtful).getByText('You reported this message.').waitFor();
        await messageFrom(rosa, hurtful).getByText('Reported: 1').waitFor();
        await messageFrom(rosa, hurtful)
          .getByRole('button', { name: 'Hide the message from Amir' })
          .click();
        await rosa.getByRole('dialog').getByRole('button', { name: 'Hide the message' }).click();
        await luz.getByText('Ocultado por quien guía el círculo.').waitFor();
        for (const page of everyone) {
          await page.getByText(hurtful).waitFor({ state: 'detached' });
        }
        await tabTo(amir, amir.getByRole('button', { name: en.pass, exact: true }));
        await amir.keyboard.press('Enter');
        await pass(grace, en);
        await waitForMyTurn(rosa, en);

        // The issue: Luz's phone loses its signal; the room says so calmly, the keeper poses
        // their own question meanwhile, and once the line is back Luz has it, missing nothing.
        await rosa.getByRole('button', { name: 'Move on to: The issue' }).click();
        await luz.getByRole('heading', { level: 2, name: 'El tema' }).waitFor();
        await luzLine.cut();
        await luz.getByText('Se cortó la conexión. Estamos reconectando').waitFor();
        const own = 'What would make it easier to call for help in the East End?';
        await rosa.getByRole('textbox', { name: 'Or your own question' }).fill(own);
        await rosa.getByRole('button', { name: 'Pose my question' }).click();
        for (const page of [rosa, dana, amir, grace]) await page.getByText(own).first().waitFor();
        luzLine.restore();
        await luz.getByText(own).first().waitFor();
        await luz.getByText('Se cortó la conexión').waitFor({ state: 'detached' });

        // Commitments: Dana makes a promise.
        await rosa.getByRole('button', { name: 'Move on to: Commitments' }).click();
        await rosa
          .getByRole('button', { name: /^Pose the question:/ })
          .first()
          .click();
        // The keeper pauses the circle a moment, and closes the door to newcomers.
        await rosa.getByRole('button', { name: 'Pause the circle' }).click();
        const paused = 'Quien guía el círculo lo pausó un momento.';
        await luz.getByText(paused).waitFor();
        await rosa.getByRole('button', { name: 'Resume the circle' }).click();
        await luz.getByText(paused).waitFor({ state: 'detached' });
        await rosa.getByRole('button', { name: 'Close the door to newcomers' }).click();
        await rosa.getByText('Newcomers cannot join now.').waitFor();
        await rosa.getByRole('button', { name: 'Open the door to newcomers' }).click();
        await rosa.getByText('Newcomers cannot join now.').waitFor({ state: 'detached' });
        await rosa.getByLabel('Give the piece to').selectOption({ label: officer.name });
        await rosa.getByRole('button', { name: 'Give the piece', exact: true }).click();
        await post(dana, en, 'I will ask my sergeant to start a monthly walk with residents.');
        await pass(dana, en);
        // The piece is Luz's now; the keeper takes it back.
        await waitForMyTurn(luz, es);
        await rosa.getByRole('button', { name: 'Take back the piece' }).click();
        await waitForMyTurn(rosa, en);
        await luz.getByText(es.listeningTo(keeper.name)).waitFor();

        // Everyone agrees to keep a written record.
        for (const page of [rosa, dana, amir, grace]) {
          await page.locator('label.radio', { hasText: 'Yes, if everyone agrees' }).click();
        }
        await luz.locator('label.radio', { hasText: 'Sí, si todos están de acuerdo' }).click();
        // Each answer is the keepers' to see; Luz is told what hers means.
        await luz.getByText('Usted dijo que sí. Solo se guarda un registro escrito').waitFor();
        await rosa
          .getByText('Everyone has said yes so far: a written record will be kept.')
          .waitFor();

        // Check-out and closing.
        for (const stage of ['Check-out', 'Closing']) {
          await rosa.getByRole('button', { name: `Move on to: ${stage}` }).click();
          await rosa.getByRole('heading', { level: 2, name: stage, exact: true }).waitFor();
          await rosa
            .getByRole('button', { name: /^Pose the question:/ })
            .first()
            .click();
        }
        await luz.getByRole('heading', { level: 2, name: 'Cierre' }).waitFor();
        await captureEverywhere(rosa, 'circles-room-keeper');
        await rosa.setViewportSize(phone);
        await switchLanguage(rosa, 'es');
        await expectFitsTheScreen(rosa);
        await switchLanguage(rosa, 'en');
        await rosa.setViewportSize(desktop);

        // The keeper asks Grace to leave: she is told plainly, with the program's support.
        await rosa.getByLabel('Ask someone to leave').selectOption({ label: 'Grace' });
        await rosa.getByRole('button', { name: 'Remove from the circle' }).click();
        await rosa.getByRole('dialog', { name: 'Remove Grace from the circle?' }).waitFor();
        await rosa.getByRole('dialog').getByRole('button', { name: 'Remove them' }).click();
        await grace.getByText('The keeper has asked you to leave this circle.').waitFor();
        await grace.getByText('If you would like support now: East End Crisis Line').waitFor();
        await expectNoAxeViolations(grace);
        await screenshot(grace, 'circles-room-removed-en-phone');
        await rosa.getByRole('heading', { level: 2, name: 'In the circle (4)' }).waitFor();
        expect(await ring(rosa).filter({ hasText: 'Grace' }).count()).toBe(0);

        await rosa.getByRole('button', { name: 'Close the circle' }).click();
        await rosa.getByRole('dialog').getByText('Everyone agreed to a written record').waitFor();
        await rosa.getByRole('dialog').getByRole('button', { name: 'Close the circle' }).click();
        for (const page of [rosa, dana, amir]) {
          await page.getByRole('heading', { level: 2, name: 'The circle has closed' }).waitFor();
        }
        await luz.getByRole('heading', { level: 2, name: 'El círculo se cerró' }).waitFor();
        luzCookies = await luz.context().cookies();
        for (const browser of [
          keeperBrowser,
          officerBrowser,
          luzBrowser,
          amirBrowser,
          graceBrowser,
        ]) {
          expect(browser.errors).toEqual([]);
        }
      } finally {
        await Promise.all(
          [keeperBrowser, officerBrowser, luzBrowser, amirBrowser, graceBrowser].map((browser) =>
            browser.close(),
          ),
        );
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should let the keeper write and share the harvest, a resident approve it on her phone, and its commitment reach the register',
    async () => {
      const { keeper: keeperSession } = theWorld();
      const circleId = seriesIds[0] ?? '';
      const keeperBrowser = await browserFor({ session: keeperSession });
      const luzBrowser = await browserFor({ phone: true, locale: 'es-MX' });
      const rosa = keeperBrowser.page;
      const luz = luzBrowser.page;
      try {
        // Luz comes back on the same phone: it kept the session she got when she joined.
        await luz.context().addCookies(luzCookies);
        await rosa.goto(`${harness.url}/circles/${circleId}`);
        await rosa.getByRole('link', { name: 'Read the harvest' }).click();
        await rosa.getByRole('heading', { level: 2, name: 'Write the harvest' }).waitFor();

        // Saving without themes is refused beside the field; nothing typed is lost.
        await rosa.getByRole('button', { name: 'Add a commitment' }).click();
        await rosa.getByRole('textbox', { name: 'What is promised' }).fill(promise);
        await rosa.getByRole('button', { name: 'Save the draft' }).click();
        await rosa
          .locator('.field')
          .filter({ has: rosa.getByRole('textbox', { name: 'Themes' }) })
          .getByText('Write the themes that came up.')
          .waitFor();
        expect(await rosa.getByRole('textbox', { name: 'What is promised' }).inputValue()).toBe(
          promise,
        );

        await rosa
          .getByRole('textbox', { name: 'Themes' })
          .fill(
            'Fear of calling for help after bad experiences.\nParents want children to walk home safely.\nOfficers want to be known by name.',
          );
        await rosa
          .getByLabel('Who answers for it')
          .selectOption({ label: `${officer.name}, officer, ${admin.organisation}` });
        await rosa.getByLabel('Due day').fill(addDays(dayIn('America/Chicago'), 60));
        await rosa.getByRole('button', { name: 'Save the draft' }).click();
        await rosa.getByText('The harvest is saved.').waitFor();
        await rosa.getByRole('button', { name: 'Share with the participants' }).click();
        await rosa.getByText('The harvest is shared with the participants.').waitFor();

        // Equal voice and the written record everyone agreed to.
        await rosa.getByRole('table', { name: /Turns with the piece/ }).waitFor();
        await rosa
          .getByRole('region', { name: 'Written record' })
          .getByText('I want my kids to feel safe walking home.')
          .waitFor();
        expect(
          await rosa.getByRole('region', { name: 'Written record' }).textContent(),
        ).not.toContain('Every cop in this town is a liar.');
        await captureEverywhere(rosa, 'circles-harvest-keeper');
        // Spanish takes the most room: the keeper's longest page still fits a phone in it.
        await rosa.setViewportSize(phone);
        await switchLanguage(rosa, 'es');
        await expectFitsTheScreen(rosa);
        await switchLanguage(rosa, 'en');
        await rosa.setViewportSize(desktop);

        // Luz reads it on her phone, in Spanish, and approves it.
        await luz.goto(`${harness.url}/circles/${circleId}/harvest`);
        await luz.getByRole('heading', { level: 2, name: '¿Es correcta?' }).waitFor();
        await luz.getByText(promise).waitFor();
        await captureEverywhere(luz, 'circles-harvest-review');
        await expectFitsTheScreen(luz);
        await luz.getByRole('button', { name: 'Aprobar la cosecha' }).click();
        await luz.getByText('Usted aprobó esta cosecha.').waitFor();
        await screenshot(luz, 'circles-harvest-approved-es-phone');

        // The keeper reads the review and makes the harvest final.
        await rosa.reload();
        await rosa.getByText(/Luz M\.\s+approved it/).waitFor();
        await rosa.getByRole('button', { name: 'Make the harvest final' }).click();
        await rosa.getByRole('dialog').getByRole('button', { name: 'Make it final' }).click();
        await rosa
          .getByText('The harvest is final. Its commitments are on the register.')
          .waitFor();
        await rosa.getByRole('link', { name: 'See the commitments on the register' }).click();
        await rosa
          .getByRole('heading', { level: 1, name: `Commitments of ${programName}` })
          .waitFor();
        await rosa.getByRole('link', { name: promise }).click();
        await rosa.getByRole('heading', { level: 1, name: promise }).waitFor();
        await rosa.getByText(`${officer.name} (officer, ${admin.organisation})`).waitFor();
        await screenshot(rosa, 'circles-commitment-on-register-en-desktop');
        expect(
          withoutExpectedResponses(keeperBrowser.errors, [
            { status: 400, path: `/api/circles/${circleId}/harvest` },
          ]),
        ).toEqual([]);
        expect(luzBrowser.errors).toEqual([]);
      } finally {
        await Promise.all([keeperBrowser.close(), luzBrowser.close()]);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should open the next circle of the series with the last harvest and the promise still open',
    async () => {
      const { keeper: keeperSession } = theWorld();
      const next = seriesIds[1] ?? '';
      const keeperBrowser = await browserFor({ phone: true, session: keeperSession });
      const rosa = keeperBrowser.page;
      try {
        await rosa.goto(`${harness.url}/circles/${next}`);
        await rosa.getByText('Circle 2 of 4').waitFor();
        await rosa.getByRole('link', { name: 'Join this circle' }).click();
        await rosa.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
        await rosa.getByRole('button', { name: 'Join the circle' }).click();
        const previous = rosa.getByRole('region', { name: 'From the last circle' });
        await previous.getByText('Parents want children to walk home safely.').waitFor();
        await previous.getByRole('link', { name: promise }).waitFor();
        await captureEverywhere(rosa, 'circles-room-series-opening');
        expect(keeperBrowser.errors).toEqual([]);
      } finally {
        await keeperBrowser.close();
      }
    },
    STEP_TIMEOUT,
  );
});
