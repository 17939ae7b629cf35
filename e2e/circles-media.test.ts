import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
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
import { screenshot } from './support/screenshot.ts';
import {
  chooseRadio,
  connectedCount,
  packetsOver,
  planNightBusCircle,
  setUpVoiceHarness,
  turnOnVoice,
  voiceBrowser,
  voiceOnly,
  waitForConnections,
} from './support/voice-circle.ts';

// Voice and video in a live circle, where the talking piece holds the microphone. Five people in
// five browsers with a fake microphone and camera: Maya keeps the circle, Dana is an officer, Ana
// takes part with her camera, Luz by voice on her phone in Spanish, and Grace, whose browser does
// not allow the microphone, by text. The browsers connect; only the holder's browser sends sound,
// and the piece moving moves it; the keeper guiding aloud is heard; Grace is told why in plain
// words and takes her turn by text.
const harness = setUpVoiceHarness();

const officer = {
  name: 'Dana Reyes',
  email: 'dana@riverside.example',
  password: 'a long way home',
  role: 'officer',
} as const;
const STEP_TIMEOUT = 300_000;
const english = {
  level: 'Microphone level',
  open: 'Your microphone is open: the circle can hear you.',
};

describe('voice and video in a circle, where the talking piece holds the microphone', () => {
  it(
    'should send only the holder’s voice, move it with the piece, let the keeper guide aloud, and keep text for whoever has no microphone',
    async () => {
      const { circleId, joinLink, keeperSession } = await planNightBusCircle(harness, [officer]);
      const officerSession = (await signInAndSetUpSecondFactor(harness.url, officer)).session;

      const browsers = [
        await voiceBrowser(harness, {}),
        await voiceBrowser(harness, {}),
        await voiceBrowser(harness, {}),
        await voiceBrowser(harness, { phone: true, locale: 'es-MX' }),
        await voiceBrowser(harness, { phone: true, deny: true }),
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
        // Before choosing, Luz reads that nothing she says aloud or shows is recorded.
        await luz.getByText(/Nunca se graba ninguna voz ni imagen\.$/).waitFor();
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
          await waitForConnections(page, 3);
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
