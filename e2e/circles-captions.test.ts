import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { expectFitsTheScreen, pass, roomWords, waitForMyTurn } from './support/circle-room.ts';
import { screenshot } from './support/screenshot.ts';
import {
  planNightBusCircle,
  setUpVoiceHarness,
  turnOnVoice,
  voiceBrowser,
} from './support/voice-circle.ts';

// Captions of the holder's speech. Maya keeps the circle from a desktop in English; Luz joins
// from her phone in Spanish. Both take part by voice. Headless Chromium has no speech service,
// so each page gets a stand-in recognition that says what the test tells it to: the speech
// service is the edge of the world. Maya speaks and Luz reads her words; the piece passes, Maya's
// recognition stops and Luz's starts, in Spanish.
const harness = setUpVoiceHarness();
const STEP_TIMEOUT = 240_000;

interface StandInRecognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  running: boolean;
}

declare global {
  interface Window {
    /** Every recognition the page made, from the test's stand-in. */
    __recognitions?: StandInRecognition[];
    /** Makes the running recognition hear words; false when none is running. */
    __say?: (transcript: string, isFinal: boolean) => boolean;
  }
}

/** A speech service that hears what the test says, in place of the browser's own. */
function standInRecognition(): void {
  type Result = { isFinal: boolean; 0: { transcript: string }; length: 1 };
  const made: StandIn[] = [];
  class StandIn {
    continuous = false;
    interimResults = false;
    lang = '';
    running = false;
    onresult: ((event: { resultIndex: number; results: Result[] }) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    onend: (() => void) | null = null;
    results: Result[] = [];
    constructor() {
      made.push(this);
    }
    start() {
      this.running = true;
    }
    stop() {
      this.abort();
    }
    abort() {
      if (!this.running) return;
      this.running = false;
      this.onend?.();
    }
    hear(transcript: string, isFinal: boolean) {
      const last = this.results.at(-1);
      const index = last && !last.isFinal ? this.results.length - 1 : this.results.length;
      this.results[index] = { isFinal, 0: { transcript }, length: 1 };
      this.onresult?.({ resultIndex: index, results: this.results });
    }
  }
  const scope = window as unknown as Record<string, unknown>;
  scope.SpeechRecognition = StandIn;
  scope.webkitSpeechRecognition = StandIn;
  window.__recognitions = made;
  window.__say = (transcript, isFinal) => {
    const running = made.filter((recognition) => recognition.running).at(-1);
    running?.hear(transcript, isFinal);
    return running !== undefined;
  };
}

/** A voice browser whose speech service is the stand-in. */
async function browserFor(options: { phone?: boolean; locale: string }) {
  const opened = await voiceBrowser(harness, options);
  await opened.page.context().addInitScript(standInRecognition);
  return opened;
}

/** The recognition the page is listening with, once it listens in this language. */
const listeningIn = (page: Page, lang: string) =>
  page.waitForFunction(
    (wanted) =>
      (window.__recognitions ?? []).some(
        (recognition) =>
          recognition.running &&
          recognition.lang === wanted &&
          recognition.continuous &&
          recognition.interimResults,
      ),
    lang,
  );

const say = (page: Page, transcript: string, isFinal: boolean) =>
  page.evaluate(([words, final]) => window.__say?.(words, final) ?? false, [
    transcript,
    isFinal,
  ] as const);

describe('captions of the holder’s speech', () => {
  it(
    'should show the holder’s words to the others as they speak, and move the captioning with the piece',
    async () => {
      const { circleId, joinLink, keeperSession } = await planNightBusCircle(harness);

      const browsers = [
        await browserFor({ locale: 'en-US' }),
        await browserFor({ phone: true, locale: 'es-MX' }),
      ];
      const [maya, luz] = browsers.map((opened) => opened.page) as [Page, Page];
      await keeperSession.shareWith(maya.context());
      try {
        await maya.goto(`${harness.url}/circles/${circleId}`);
        await maya.getByRole('link', { name: 'Join this circle' }).click();
        await maya.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
        await maya.getByRole('button', { name: 'Join the circle' }).click();
        await luz.goto(joinLink);
        await luz.getByRole('textbox', { name: 'Su nombre en el círculo' }).fill('Luz');
        await luz.locator('label.checkbox', { hasText: 'Leí las pautas y las acepto' }).click();
        await luz.getByRole('button', { name: 'Unirme al círculo' }).click();
        await maya.getByRole('heading', { level: 2, name: 'In the circle (2)' }).waitFor();
        await maya.getByRole('button', { name: 'Open the circle' }).click();
        await waitForMyTurn(maya, roomWords.en);

        await turnOnVoice(maya, {
          option: /^Voice(?! and)/,
          level: 'Microphone level',
          confirm: 'Use my voice',
        });
        await turnOnVoice(luz, {
          option: /^Voz(?! y)/,
          level: 'Nivel del micrófono',
          confirm: 'Usar mi voz',
        });
        // Both are offered the choice, on by default; only the holder's browser listens.
        for (const [page, name] of [
          [maya, 'Caption my voice'],
          [luz, 'Subtitular mi voz'],
        ] as const) {
          expect(await page.getByRole('checkbox', { name }).isChecked()).toBe(true);
        }
        await listeningIn(maya, 'en-US');
        expect(await luz.evaluate(() => window.__recognitions?.length ?? 0)).toBe(0);

        // Maya speaks: Luz reads her words as they come, the unfinished ones lighter.
        const captionsOnLuz = luz.getByRole('region', { name: 'Subtítulos' });
        expect(await say(maya, 'Thank you all', false)).toBe(true);
        await captionsOnLuz.locator('.captions__interim', { hasText: 'Thank you all' }).waitFor();
        await say(maya, 'Thank you all for coming tonight.', true);
        await say(maya, 'I would like us to begin', false);
        await captionsOnLuz
          .locator('.captions__final', { hasText: 'Thank you all for coming tonight.' })
          .waitFor();
        await captionsOnLuz
          .locator('.captions__interim', { hasText: 'I would like us to begin' })
          .waitFor();
        await expect
          .poll(() => luz.getByRole('log', { name: 'Subtítulos de lo que se dice' }).textContent())
          .toBe('Maya Ortiz: Thank you all for coming tonight.');
        await screenshot(luz, 'circles-captions-listener-es-phone');
        await expectFitsTheScreen(luz);
        await expectNoAxeViolations(luz);
        // Captions are not the circle's written words.
        expect(await luz.locator('.messages__list > li').count()).toBe(0);

        // The piece passes to Luz: Maya's recognition stops, Luz's listens, in Spanish.
        await pass(maya, roomWords.en);
        await maya.waitForFunction(() =>
          (window.__recognitions ?? []).every((recognition) => !recognition.running),
        );
        expect(await say(maya, 'One more thing', true)).toBe(false);
        await listeningIn(luz, 'es-US');
        await say(luz, 'Gracias por escucharme.', true);
        const captionsOnMaya = maya.getByRole('region', { name: 'Captions' });
        await captionsOnMaya
          .locator('.captions__final', { hasText: 'Gracias por escucharme.' })
          .waitFor();
        await expectNoAxeViolations(maya);

        // Maya turns captions off; her device remembers it when she comes back to the room.
        await maya.locator('label.checkbox', { hasText: 'Show captions' }).click();
        await captionsOnMaya.waitFor({ state: 'detached' });
        await maya.reload();
        const showOnMaya = maya.getByRole('checkbox', { name: 'Show captions' });
        await showOnMaya.waitFor({ state: 'attached' });
        expect(await showOnMaya.isChecked()).toBe(false);
        expect(await captionsOnMaya.count()).toBe(0);
        for (const opened of browsers) expect(opened.errors).toEqual([]);
      } finally {
        for (const opened of browsers) await opened.close();
      }
    },
    STEP_TIMEOUT,
  );
});
