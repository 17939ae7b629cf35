import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../shared/commitments/days.ts';
import { acceptStaffInvitation } from './support/accounts.ts';
import { adminWithProgram, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, type OpenedPage, openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import {
  expectFitsTheScreen,
  messageFrom,
  pass,
  post,
  roomWords,
  tabTo,
  waitForMyTurn,
  waitUntilSpoken,
} from './support/circle-room.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

// Voice and video in a live circle, where the talking piece holds the microphone. Five people in
// five browsers with a fake microphone and camera: Maya keeps the circle, Dana is an officer, Ana
// takes part with her camera, Luz by voice on her phone in Spanish, and Grace, whose browser does
// not allow the microphone, by text. The browsers connect; only the holder's browser sends sound,
// and the piece moving moves it; the keeper guiding aloud is heard; Grace is told why in plain
// words and takes her turn by text.
const harness = setUpServerAndBrowser(undefined, [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
]);

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;
const keeper = { name: 'Maya Ortiz', email: 'maya@eastside.example', password: 'lanterns by dusk' };
const officer = {
  name: 'Dana Reyes',
  email: 'dana@riverside.example',
  password: 'a long way home',
};
const purpose = 'Listening circle on the night buses';
const STEP_TIMEOUT = 300_000;
/** How long packets are counted for: long enough for about a hundred packets of speech. */
const LISTEN_MS = 2_000;

declare global {
  interface Window {
    /** Every peer connection the page made, recorded by the test's init script. */
    __peerConnections?: RTCPeerConnection[];
  }
}

/** Records the page's peer connections, so the test can read their figures as a person cannot. */
function recordPeerConnections(): void {
  const Original = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  window.__peerConnections = made;
  window.RTCPeerConnection = class extends Original {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      made.push(this);
    }
  };
}

/** A browser whose person says no to the microphone, as a browser that blocks it answers. */
function denyMicrophone(): void {
  navigator.mediaDevices.getUserMedia = () =>
    Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
}

async function browserFor(options: {
  phone?: boolean;
  locale?: string;
  deny?: boolean;
}): Promise<OpenedPage> {
  const opened = await openPage(harness.browser, {
    viewport: options.phone ? phone : desktop,
    locale: options.locale ?? 'en-US',
    ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
    permissions: options.deny ? [] : ['microphone', 'camera'],
  });
  const context: BrowserContext = opened.page.context();
  await context.addInitScript(recordPeerConnections);
  if (options.deny) await context.addInitScript(denyMicrophone);
  return opened;
}

/** The page's open connections that have reached 'connected'. */
function connectedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window.__peerConnections ?? []).filter((pc) => pc.connectionState === 'connected').length,
  );
}

/** Audio packets this browser has sent, over all its open connections. */
function audioPacketsSent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let sent = 0;
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((entry: { type: string; kind?: string; packetsSent?: number }) => {
        if (entry.type === 'outbound-rtp' && entry.kind === 'audio') sent += entry.packetsSent ?? 0;
      });
    }
    return sent;
  });
}

/** How many audio packets each browser sent in LISTEN_MS, by name. */
async function packetsOver(pages: Record<string, Page>): Promise<Record<string, number>> {
  const names = Object.keys(pages);
  const before = await Promise.all(names.map((name) => audioPacketsSent(pages[name] as Page)));
  await new Promise((resolve) => setTimeout(resolve, LISTEN_MS));
  const after = await Promise.all(names.map((name) => audioPacketsSent(pages[name] as Page)));
  return Object.fromEntries(names.map((name, at) => [name, (after[at] ?? 0) - (before[at] ?? 0)]));
}

/** Chooses an option by tapping its row, as a person does. */
async function chooseRadio(page: Page, name: RegExp): Promise<void> {
  await page
    .locator('label.radio')
    .filter({ has: page.getByRole('radio', { name }) })
    .click();
}

/** Turns on voice (or voice and camera) as a person does: choose, check, confirm. */
async function turnOnVoice(
  page: Page,
  words: { option: RegExp; confirm: string; level: string },
): Promise<void> {
  await chooseRadio(page, words.option);
  await page.getByRole('meter', { name: words.level }).waitFor();
  await page.getByRole('button', { name: words.confirm }).click();
}

/** "Voice", not "Voice and camera": a radio's name begins with its label. */
const voiceOnly = /^Voice(?! and)/;
const english = {
  level: 'Microphone level',
  open: 'Your microphone is open: the circle can hear you.',
};

describe('voice and video in a circle, where the talking piece holds the microphone', () => {
  it(
    'should send only the holder’s voice, move it with the piece, let the keeper guide aloud, and keep text for whoever has no microphone',
    async () => {
      const { programId, organisationId, session } = await adminWithProgram(
        harness,
        admin,
        'Night bus circles',
      );
      const orgPath = `/api/organisations/${organisationId}`;
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
      const { personId: officerId } = await acceptStaffInvitation(harness.url, officer);
      const people = await session.call<{ keepers: { id: string; name: string }[] }>(
        `/api/programs/${programId}/circle-people`,
      );
      const keeperId = people.keepers.find((person) => person.name === keeper.name)?.id ?? '';
      const {
        circles: [planned],
      } = await session.call<{ circles: { id: string }[] }>(
        `/api/programs/${programId}/circles`,
        'POST',
        {
          purpose,
          startsAtLocal: `${addDays(dayIn('America/Chicago'), 7)}T18:00`,
          timeZone: 'America/Chicago',
          keeperId,
          capacity: 10,
          language: 'en',
        },
      );
      const circleId = planned?.id ?? '';
      await session.call(`/api/circles/${circleId}/invitations`, 'POST', {
        personIds: [officerId],
      });
      const { url: joinLink } = await session.call<{ url: string }>(
        `/api/circles/${circleId}/join-link`,
        'POST',
      );
      const keeperSession = (await signInAndSetUpSecondFactor(harness.url, keeper)).session;
      const officerSession = (await signInAndSetUpSecondFactor(harness.url, officer)).session;

      const browsers = [
        await browserFor({}),
        await browserFor({}),
        await browserFor({}),
        await browserFor({ phone: true, locale: 'es-MX' }),
        await browserFor({ phone: true, deny: true }),
      ];
      const [maya, dana, ana, luz, grace] = browsers.map((opened) => opened.page) as [
        Page,
        Page,
        Page,
        Page,
        Page,
      ];
      await keeperSession.shareWith(maya.context());
      await officerSession.shareWith(dana.context());
      const en = roomWords.en;
      const es = roomWords.es;
      try {
        for (const page of [maya, dana]) {
          await page.goto(`${harness.url}/circles/${circleId}`);
          await page.getByRole('link', { name: 'Join this circle' }).click();
          await page.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
          await page.getByRole('button', { name: 'Join the circle' }).click();
          await page.getByRole('heading', { level: 2, name: /^In the circle/ }).waitFor();
        }
        for (const [page, name] of [
          [ana, 'Ana'],
          [grace, 'Grace'],
        ] as const) {
          await page.goto(joinLink);
          await page.getByRole('textbox', { name: 'Your name in the circle' }).fill(name);
          await page.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
          await page.getByRole('button', { name: 'Join the circle' }).click();
          await page.getByRole('heading', { level: 2, name: /^In the circle/ }).waitFor();
        }
        await luz.goto(joinLink);
        await luz.getByRole('textbox', { name: 'Su nombre en el círculo' }).fill('Luz');
        await luz.locator('label.checkbox', { hasText: 'Leí las pautas y las acepto' }).click();
        await luz.getByRole('button', { name: 'Unirme al círculo' }).click();
        await maya.getByRole('heading', { level: 2, name: 'In the circle (5)' }).waitFor();

        await maya.getByRole('button', { name: 'Open the circle' }).click();
        await waitForMyTurn(maya, en);

        // Everyone but Grace turns on their voice after checking it; Ana her camera too.
        await turnOnVoice(maya, { option: voiceOnly, confirm: 'Use my voice', ...english });
        // Dana does it with the keyboard alone: the arrow keys choose, the check comes next.
        await tabTo(dana, dana.getByRole('radio', { name: /^Text only/ }));
        await dana.keyboard.press('ArrowDown');
        await dana.getByRole('meter', { name: english.level }).waitFor();
        await tabTo(dana, dana.getByRole('button', { name: 'Use my voice' }));
        await dana.keyboard.press('Enter');
        await turnOnVoice(ana, {
          option: /^Voice and camera/,
          confirm: 'Use my voice and camera',
          ...english,
        });
        await chooseRadio(luz, /^Voz(?! y)/);
        await luz.getByRole('meter', { name: 'Nivel del micrófono' }).waitFor();
        await screenshot(luz, 'circles-media-check-es-phone');
        await expectNoAxeViolations(luz);
        await luz.getByRole('button', { name: 'Usar mi voz' }).click();

        // Grace's browser says no: she reads why, and stays by text.
        await chooseRadio(grace, voiceOnly);
        await grace
          .getByText(
            'Your browser did not allow the microphone. You can carry on by text; to use your voice, allow the microphone in your browser’s settings.',
          )
          .waitFor();
        expect(await grace.getByRole('radio', { name: /^Text only/ }).isChecked()).toBe(true);

        // Each browser with a microphone connects to the three others.
        const withVoice = { maya, dana, ana, luz };
        for (const page of Object.values(withVoice)) {
          await page.waitForFunction(
            () =>
              (window.__peerConnections ?? []).filter((pc) => pc.connectionState === 'connected')
                .length === 3,
          );
          expect(await connectedCount(page)).toBe(3);
        }
        expect(await grace.evaluate(() => window.__peerConnections?.length ?? 0)).toBe(0);
        await maya.getByText(english.open).waitFor();
        await dana.getByText('Maya Ortiz holds the piece and can be heard.').waitFor();
        await luz
          .getByText('Su micrófono está cerrado hasta que la pieza llegue a usted.')
          .waitFor();
        await grace.getByText(/^Maya Ortiz holds the piece and is speaking aloud\./).waitFor();

        // Only the holder's browser sends sound.
        const whileMayaHolds = await packetsOver(withVoice);
        console.info('audio packets while Maya holds the piece', whileMayaHolds);
        expect(whileMayaHolds.maya).toBeGreaterThan(50);
        expect([whileMayaHolds.dana, whileMayaHolds.ana, whileMayaHolds.luz]).toEqual([0, 0, 0]);
        await expectNoAxeViolations(ana);
        await captureEverywhere(ana, 'circles-media-room-camera');

        // The piece moves to Dana, and the sound with it.
        await post(maya, en, 'Welcome. Speak when the piece reaches you, or write if you prefer.');
        await pass(maya, en);
        await dana.getByText(english.open).waitFor();
        await maya.getByText('Your microphone is closed until the piece reaches you.').waitFor();
        await waitUntilSpoken(dana, 'Your microphone is open.');
        const whileDanaHolds = await packetsOver(withVoice);
        console.info('audio packets while Dana holds the piece', whileDanaHolds);
        expect(whileDanaHolds.dana).toBeGreaterThan(50);
        expect([whileDanaHolds.maya, whileDanaHolds.ana, whileDanaHolds.luz]).toEqual([0, 0, 0]);

        // The keeper speaks to guide: heard by everyone, while Dana still holds the piece.
        await maya.getByRole('button', { name: 'Speak to guide' }).click();
        await ana.getByText('Maya Ortiz (keeper) is speaking to guide.').waitFor();
        await luz.getByText('Maya Ortiz (guía) está hablando para guiar.').waitFor();
        const heardOnAna = ana.locator('audio[data-heard="true"]');
        await heardOnAna.first().waitFor({ state: 'attached' });
        expect(await heardOnAna.count()).toBe(2);
        expect(
          await ana.evaluate(() =>
            [...document.querySelectorAll('audio[data-heard="true"]')].every(
              (element) => !(element as HTMLAudioElement).muted,
            ),
          ),
        ).toBe(true);
        const whileGuiding = await packetsOver(withVoice);
        console.info('audio packets while Maya guides and Dana holds the piece', whileGuiding);
        expect(whileGuiding.maya).toBeGreaterThan(50);
        expect(whileGuiding.dana).toBeGreaterThan(50);
        expect([whileGuiding.ana, whileGuiding.luz]).toEqual([0, 0]);
        await screenshot(maya, 'circles-media-keeper-guiding-en-desktop');
        await captureEverywhere(luz, 'circles-media-room-guiding');
        await expectFitsTheScreen(luz);
        await maya.getByRole('button', { name: 'Stop guiding' }).click();
        await ana.getByText('Maya Ortiz (keeper) is speaking to guide.').waitFor({
          state: 'detached',
        });

        // Round the circle in seating order: Ana passes; Grace, by text, writes when the piece
        // is hers, and no one's microphone opens; then Luz speaks.
        await pass(dana, en);
        await pass(ana, en);
        await waitForMyTurn(grace, en);
        await ana.getByText('Your microphone is closed until the piece reaches you.').waitFor();
        const graceWords = 'I am here by text tonight. Thank you for listening.';
        await post(grace, en, graceWords);
        await messageFrom(luz, graceWords).waitFor();
        await expectNoAxeViolations(grace);
        await screenshot(grace, 'circles-media-text-only-en-phone');
        const whileGraceHolds = await packetsOver(withVoice);
        console.info('audio packets while Grace holds the piece by text', whileGraceHolds);
        expect(Object.values(whileGraceHolds)).toEqual([0, 0, 0, 0]);
        await pass(grace, en);
        await waitForMyTurn(luz, es);
        await luz.getByText('Su micrófono está abierto: el círculo lo escucha.').waitFor();
        const whileLuzHolds = await packetsOver(withVoice);
        console.info('audio packets while Luz holds the piece', whileLuzHolds);
        expect(whileLuzHolds.luz).toBeGreaterThan(50);
        expect([whileLuzHolds.maya, whileLuzHolds.dana, whileLuzHolds.ana]).toEqual([0, 0, 0]);
        await captureEverywhere(luz, 'circles-media-room-holder');
        for (const opened of browsers) {
          expect(opened.errors.filter((error) => !error.includes('Permission denied'))).toEqual([]);
        }
      } finally {
        for (const opened of browsers) await opened.close();
      }
    },
    STEP_TIMEOUT,
  );
});
