import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LiveClient } from '../server/features/circles/live-client.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { switchLanguage } from './support/capture.ts';
import { expectFitsTheScreen, tabTo } from './support/circle-room.ts';
import { screenshot } from './support/screenshot.ts';
import { nightBusKeeper, planNightBusCircle, setUpVoiceHarness } from './support/voice-circle.ts';

// A resident on a phone in a circle of six with voice or camera. Before turning hers on, the
// device check says whether her connection carries it: good on a fast line; enough for voice,
// with the camera off, on a middling one; too slow, by text, on a crawling one. In the room, the
// keeper holds the piece and five listeners' tiles would fill her screen: a few show, the rest
// fold behind a button that keyboard and screen reader reach, and every voice keeps its player.
// After a reload her voice and camera come back by themselves. The other five take part from the
// test itself, through the room's socket, as their apps would.
const harness = setUpVoiceHarness();
const keeper = nightBusKeeper;
const others = [
  { name: 'Tomás', media: 'video' },
  { name: 'Rosa', media: 'audio' },
  { name: 'Jamal', media: 'video' },
  { name: 'Wen', media: 'audio' },
] as const;
const STEP_TIMEOUT = 240_000;

/** The line Chromium gives the page: a round trip and a download speed, as a phone's signal. */
async function lineOf(cdp: CDPSession, line: { latencyMs: number; kbps: number } | null) {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: line?.latencyMs ?? 0,
    // Bytes per second; -1 is no limit.
    downloadThroughput: line ? (line.kbps * 1000) / 8 : -1,
    uploadThroughput: line ? (line.kbps * 1000) / 8 : -1,
  });
}

/** Chooses an option by tapping its row, as a person does. */
async function chooseRadio(page: Page, name: RegExp): Promise<void> {
  await page
    .locator('label.radio')
    .filter({ has: page.getByRole('radio', { name }) })
    .click();
}

/** The session cookie of someone joining by the link with no account, as their phone keeps it. */
async function joinByLink(joinLink: string, name: string): Promise<string> {
  const response = await fetch(`${harness.url}/api/circle-join`, {
    method: 'POST',
    headers: { origin: harness.url, 'content-type': 'application/json' },
    body: JSON.stringify({
      token: new URL(joinLink).hash.slice(1),
      displayName: name,
      language: 'en',
      agreeToGuidelines: true,
    }),
  });
  if (!response.ok) throw new Error(`joining answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** In the room through its socket, as their app would be, taking part as `media`. */
async function inTheRoom(
  cookie: string,
  circleId: string,
  name: string,
  media: 'audio' | 'video',
): Promise<LiveClient> {
  const client = await LiveClient.connect(
    `${harness.url.replace(/^http/, 'ws')}/api/circles/live`,
    cookie,
    harness.url,
  );
  await client.hello(circleId, null);
  for (const command of [
    { type: 'join', name, role: 'resident' },
    { type: 'choose_media', media },
  ]) {
    expect(await client.command(command), JSON.stringify(command)).toMatchObject({
      kind: 'accepted',
    });
  }
  return client;
}

/** Closes the "This page is now in …" notes, so that they cover nothing in the screenshots. */
async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('region').getByRole('button', { name: /^(Dismiss|Cerrar)$/ });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** The tiles a person sees: a folded one is not shown, nor read by a screen reader. */
const visibleTiles = (page: Page) => page.locator('.media-tile:visible');

describe('voice and video on a phone in a large circle', () => {
  it(
    'should say whether the connection carries voice or camera, and fold the listeners’ tiles on a phone without taking away anyone’s voice, and keep her choice through a reload',
    async () => {
      const { circleId, joinLink, keeperSession } = await planNightBusCircle(harness);
      await keeperSession.call(`/api/circles/${circleId}/join`, 'POST', {
        displayName: keeper.name,
        language: 'en',
        agreeToGuidelines: true,
      });

      const opened = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
        permissions: ['microphone', 'camera'],
      });
      const { page } = opened;
      const clients: LiveClient[] = [];
      try {
        // The keeper's app is in the room too: its cookie is the one the keeper's browser keeps.
        await keeperSession.shareWith(page.context());
        const keeperCookie = (await page.context().cookies())
          .map(({ name, value }) => `${name}=${value}`)
          .join('; ');
        await page.context().clearCookies();
        const maya = await inTheRoom(keeperCookie, circleId, keeper.name, 'audio');
        clients.push(maya);

        await page.goto(joinLink);
        await page.getByRole('textbox', { name: 'Your name in the circle' }).fill('Luz');
        await page.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
        await page.getByRole('button', { name: 'Join the circle' }).click();
        await page.getByRole('heading', { level: 2, name: /^In the circle/ }).waitFor();
        for (const person of others) {
          const cookie = await joinByLink(joinLink, person.name);
          clients.push(await inTheRoom(cookie, circleId, person.name, person.media));
        }
        expect(await maya.command({ type: 'open' })).toMatchObject({ kind: 'accepted' });
        await page.getByRole('heading', { level: 2, name: 'In the circle (6)' }).waitFor();
        const cdp = await page.context().newCDPSession(page);

        // A fast line: good for voice and camera.
        await chooseRadio(page, /^Voice and camera/);
        const verdict = page.locator('.connection-verdict [role="status"]');
        await page.getByText('Your connection looks good for voice and camera.').waitFor();
        await page.getByText(/^Details: about [\d.,]+ Mbit\/s, \d+ ms/).waitFor();
        await screenshot(page, 'circles-media-connection-good-en-phone');
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Stay with text' }).click();

        // A middling line: enough for voice; the camera is better off, and one tap does it.
        await lineOf(cdp, { latencyMs: 80, kbps: 500 });
        await chooseRadio(page, /^Voice and camera/);
        await page.getByText(/^Your connection looks good enough for voice, but/).waitFor({
          timeout: 20_000,
        });
        await page.getByRole('button', { name: 'Use voice, camera off' }).waitFor();
        await screenshot(page, 'circles-media-connection-camera-off-en-phone');
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Use voice, camera off' }).click();
        await page.getByRole('meter', { name: 'Microphone level' }).waitFor();
        expect(await page.getByRole('radio', { name: /^Voice(?! and)/ }).isChecked()).toBe(true);
        expect(await verdict.textContent()).toBe('Your connection looks good enough for voice.');
        await page.getByRole('button', { name: 'Stay with text' }).click();

        // A crawling line, in Spanish: too slow for voice, so text is suggested; the choice stays
        // hers, and the buttons to go on are still there.
        await lineOf(cdp, null);
        await switchLanguage(page, 'es');
        await dismissToasts(page);
        await lineOf(cdp, { latencyMs: 400, kbps: 60 });
        await chooseRadio(page, /^Voz(?! y)/);
        await page.getByText(/^Su conexión parece demasiado lenta para la voz/).waitFor({
          timeout: 25_000,
        });
        await page.getByRole('button', { name: 'Usar mi voz' }).waitFor();
        await screenshot(page, 'circles-media-connection-slow-es-phone');
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Seguir por texto' }).click();
        await lineOf(cdp, null);
        await chooseRadio(page, /^Voz y cámara/);
        await page.getByText('Su conexión parece buena para voz y cámara.').waitFor();
        await screenshot(page, 'circles-media-connection-good-es-phone');
        await page.getByRole('button', { name: 'Usar mi voz y mi cámara' }).click();

        // In the room: Maya holds the piece; of five listeners, Luz herself and two others show.
        const more = page.getByRole('button', { name: 'Mostrar a todos (6)' });
        await more.waitFor();
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        expect(await visibleTiles(page).count()).toBe(4);
        await page.locator('.media-tile--holder', { hasText: keeper.name }).waitFor();
        await page.locator('.media-tile', { hasText: 'Luz (usted)' }).waitFor();
        // Tomás chose his camera, but no picture of his has come: a name tile, not an empty box.
        const tomas = page.locator('.media-tile', { hasText: 'Tomás' });
        expect(await tomas.locator('video').count()).toBe(0);
        expect(await tomas.locator('.media-tile__voice').textContent()).toBe('T');
        // Every other person's voice keeps its player, folded or not: a folded tile is only
        // hidden, and the holder's voice is let through.
        const players = page.locator('audio[data-participant]');
        expect(await players.count()).toBe(5);
        expect(await page.locator('audio[data-heard="true"]').count()).toBe(1);
        await expectFitsTheScreen(page);
        await expectNoAxeViolations(page);
        await screenshot(page, 'circles-media-tiles-folded-es-phone');

        // By keyboard: the button says what it does, and says it again once pressed.
        await tabTo(page, more);
        await page.keyboard.press('Enter');
        const fewer = page.getByRole('button', { name: 'Mostrar menos' });
        await fewer.waitFor();
        expect(await fewer.getAttribute('aria-expanded')).toBe('true');
        expect(await visibleTiles(page).count()).toBe(6);
        expect(await fewer.evaluate((element) => element === document.activeElement)).toBe(true);
        await expectNoAxeViolations(page);

        await switchLanguage(page, 'en');
        await dismissToasts(page);
        await page.getByRole('button', { name: 'Show fewer' }).waitFor();
        await screenshot(page, 'circles-media-tiles-unfolded-en-phone');
        await page.getByRole('button', { name: 'Show fewer' }).click();
        await page.getByRole('button', { name: 'Show everyone (6)' }).waitFor();
        expect(await visibleTiles(page).count()).toBe(4);
        await screenshot(page, 'circles-media-tiles-folded-en-phone');
        expect(await players.count()).toBe(5);

        // On a wide screen everyone shows, and there is nothing to unfold.
        await page.setViewportSize(desktop);
        await page.getByRole('button', { name: 'Show everyone (6)' }).waitFor({ state: 'hidden' });
        expect(await visibleTiles(page).count()).toBe(6);

        // After a reload her choice holds: the browser gives the microphone and camera again,
        // and she is back among the voices, still closed until the piece reaches her.
        await page.reload();
        await page.getByText('Your microphone is closed until the piece reaches you.').waitFor();
        expect(await page.getByRole('radio', { name: /^Voice and camera/ }).isChecked()).toBe(true);
        await page.locator('.media-tile', { hasText: 'Luz (you)' }).locator('video').waitFor();
        expect(await page.locator('audio[data-heard="true"]').count()).toBe(1);
        expect(opened.errors).toEqual([]);
      } finally {
        for (const client of clients) await client.close();
        await opened.close();
      }
    },
    STEP_TIMEOUT,
  );
});
