import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { pass, roomWords, waitForMyTurn } from './support/circle-room.ts';
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

// A circle larger than the mesh limit, whose voices go through the server's forwarding unit
// (decision 033). The limit is 2 here, so three real browsers are enough: Maya keeps the circle,
// Ana takes part with her camera, Luz by voice on her phone in Spanish, checked before she joins.
// Each browser makes one connection, to the server; only the holder's sound goes out, and the others receive it from
// the server; the piece moving moves it. While the keeper pauses the circle, Luz's browser is
// made to send its microphone anyway, as a changed app could: the server passes none of it on.
const harness = setUpVoiceHarness(async (env) => {
  env.MEDIA_MESH_LIMIT = '2';
});

const english = { level: 'Microphone level' };

/** Puts the microphone on the wire whatever the circle says, as a changed app could. */
function sendMicrophoneOutOfTurn(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const [track] = (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks();
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState !== 'connected') continue;
      const [audio] = pc.getTransceivers();
      await audio?.sender.replaceTrack(track ?? null);
    }
  });
}

describe('voice in a circle larger than the mesh, through the server', () => {
  it('should carry only the holder’s voice through the server, move it with the piece, and pass on nothing sent out of turn', async () => {
    const { circleId, joinLink, keeperSession } = await planNightBusCircle(harness);
    const browsers = [
      await voiceBrowser(harness, {}),
      await voiceBrowser(harness, {}),
      await voiceBrowser(harness, { phone: true, locale: 'es-MX' }),
    ];
    const [maya, ana, luz] = browsers.map((opened) => opened.page) as [Page, Page, Page];
    await keeperSession.shareWith(maya.context());
    const en = roomWords.en;
    try {
      await maya.goto(`${harness.url}/circles/${circleId}`);
      await maya.getByRole('link', { name: 'Join this circle' }).click();
      await maya.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
      await maya.getByRole('button', { name: 'Join the circle' }).click();
      await ana.goto(joinLink);
      await ana.getByRole('textbox', { name: 'Your name in the circle' }).fill('Ana');
      await ana.locator('label.checkbox', { hasText: 'I have read the guidelines' }).click();
      await ana.getByRole('button', { name: 'Join the circle' }).click();
      // Luz checks her microphone before joining, and comes into the circle by voice.
      await luz.goto(joinLink);
      await luz.getByRole('textbox', { name: 'Su nombre en el círculo' }).fill('Luz');
      await chooseRadio(luz, /^Voz(?! y)/);
      await luz.getByRole('meter', { name: 'Nivel del micrófono' }).waitFor();
      await expectNoAxeViolations(luz);
      await screenshot(luz, 'circles-relay-check-before-joining-es-phone');
      await luz.getByRole('button', { name: 'Usar mi voz' }).click();
      await luz.getByText('Revisado: se unirá con su voz.').waitFor();
      await luz.locator('label.checkbox', { hasText: 'Leí las pautas y las acepto' }).click();
      await luz.getByRole('button', { name: 'Unirme al círculo' }).click();
      await maya.getByRole('heading', { level: 2, name: 'In the circle (3)' }).waitFor();
      await maya.getByRole('button', { name: 'Open the circle' }).click();
      await waitForMyTurn(maya, en);

      await turnOnVoice(maya, { option: voiceOnly, confirm: 'Use my voice', ...english });
      await turnOnVoice(ana, {
        option: /^Voice and camera/,
        confirm: 'Use my voice and camera',
        ...english,
      });
      expect(await luz.getByRole('radio', { name: /^Voz(?! y)/ }).isChecked()).toBe(true);

      // One connection each, to the server, rather than one to every other browser.
      const everyone = { maya, ana, luz };
      for (const page of Object.values(everyone)) {
        await waitForConnections(page, 1);
        expect(await connectedCount(page)).toBe(1);
      }
      await ana.getByText('Maya Ortiz holds the piece and can be heard.').waitFor();

      // Maya holds the piece: only she sends, and the others receive her through the server.
      const sentWhileMayaHolds = await packetsOver(everyone);
      const heardWhileMayaHolds = await packetsOver({ ana, luz }, 'inbound');
      console.info('through the server, while Maya holds the piece', {
        sent: sentWhileMayaHolds,
        received: heardWhileMayaHolds,
      });
      expect(sentWhileMayaHolds.maya).toBeGreaterThan(50);
      expect([sentWhileMayaHolds.ana, sentWhileMayaHolds.luz]).toEqual([0, 0]);
      expect(heardWhileMayaHolds.ana).toBeGreaterThan(50);
      expect(heardWhileMayaHolds.luz).toBeGreaterThan(50);
      await luz.locator('.media-tile--holder', { hasText: 'Maya Ortiz' }).waitFor();
      expect(await luz.locator('audio[data-heard="true"]').count()).toBe(1);
      await expectNoAxeViolations(luz);
      await screenshot(luz, 'circles-relay-listener-es-phone');

      // The piece moves to Ana: her voice goes out, and Maya and Luz receive it.
      await pass(maya, en);
      await waitForMyTurn(ana, en);
      await ana.getByText('Your microphone is open: the circle can hear you.').waitFor();
      const sentWhileAnaHolds = await packetsOver(everyone);
      const heardWhileAnaHolds = await packetsOver({ maya, luz }, 'inbound');
      console.info('through the server, while Ana holds the piece', {
        sent: sentWhileAnaHolds,
        received: heardWhileAnaHolds,
      });
      expect(sentWhileAnaHolds.ana).toBeGreaterThan(50);
      expect([sentWhileAnaHolds.maya, sentWhileAnaHolds.luz]).toEqual([0, 0]);
      expect(heardWhileAnaHolds.maya).toBeGreaterThan(50);
      expect(heardWhileAnaHolds.luz).toBeGreaterThan(50);
      await luz.locator('.media-tile--holder', { hasText: 'Ana' }).locator('video').waitFor();
      await screenshot(maya, 'circles-relay-holder-camera-en-desktop');

      // The keeper pauses: no microphone is open. Luz's browser sends anyway; the server
      // passes none of it on.
      await maya.getByRole('button', { name: 'Pause the circle' }).click();
      await ana.getByText('The keeper has paused the circle.').first().waitFor();
      await ana.getByText('Your microphone is closed until the piece reaches you.').waitFor();
      await sendMicrophoneOutOfTurn(luz);
      const sentOutOfTurn = await packetsOver({ luz });
      const heardWhilePaused = await packetsOver({ maya, ana }, 'inbound');
      console.info('through the server, while paused and Luz sends out of turn', {
        sent: sentOutOfTurn,
        received: heardWhilePaused,
      });
      expect(sentOutOfTurn.luz).toBeGreaterThan(50);
      expect(heardWhilePaused).toEqual({ maya: 0, ana: 0 });
      for (const opened of browsers) expect(opened.errors).toEqual([]);
    } finally {
      for (const opened of browsers) await opened.close();
    }
  }, 240_000);
});
