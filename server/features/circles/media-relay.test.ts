import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RTCPeerConnection } from 'werift';
import { type CircleCommand, mediaOf } from '../../../shared/circles/machine.ts';
import { RELAY_PEER } from '../../../shared/circles/media.ts';
import type { LiveClient } from './live-client.ts';
import { seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';
import { RelayBrowser } from './relay-browser.ts';

// Issue 12: past the mesh limit, every browser connects to the server's forwarding unit, which
// sends each the open microphone's voice and nothing else. Real WebRTC on both sides (werift).

let test: LiveTestApp;

beforeAll(async () => {
  test = await startLiveTestApp({ MEDIA_MESH_LIMIT: '2' });
});
afterAll(async () => {
  await test.close();
});

async function as(client: LiveClient | undefined, command: CircleCommand) {
  const outcome = await client?.command(command);
  expect(outcome, JSON.stringify(command)).toMatchObject({ kind: 'accepted' });
}

/** Everyone connects, joins and takes part by voice; the keeper opens (and holds the piece). */
async function circleByVoice(names: string[]) {
  const circle = await seedCircle(
    test.context,
    test.program,
    names.map((name, index) => ({ name, role: index === 0 ? 'keeper' : 'resident' })),
  );
  const clients: LiveClient[] = [];
  for (const person of circle.people) {
    const client = await test.connect(person.cookie);
    await client.hello(circle.circleId, null);
    await as(client, { type: 'join', name: 'x', role: 'other' });
    await as(client, { type: 'choose_media', media: 'audio' });
    clients.push(client);
  }
  await as(clients[0], { type: 'open' });
  await Promise.all(
    clients.map((client) =>
      client.until(
        () =>
          client.state.status === 'open' &&
          client.state.participants.filter((participant) => participant.media).length ===
            names.length,
      ),
    ),
  );
  return clients;
}

const browsersOpen: RelayBrowser[] = [];
async function connectAll(clients: LiveClient[]): Promise<RelayBrowser[]> {
  const browsers = clients.map(() => new RelayBrowser());
  browsersOpen.push(...browsers);
  await Promise.all(
    browsers.map((browser, index) => browser.connect(clients[index] as LiveClient)),
  );
  return browsers;
}
afterAll(async () => {
  await Promise.all(browsersOpen.map((browser) => browser.close()));
});

/** Sends a packet every 20 ms until `heard` holds, or fails after a few seconds. */
async function speakUntil(speaker: RelayBrowser, words: string, heard: () => boolean) {
  for (let tries = 0; tries < 250; tries += 1) {
    speaker.sendAudio(words);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (heard()) return;
  }
  throw new Error(`“${words}” was not heard`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the forwarding unit', () => {
  it('forwards the holder’s voice to every listener in slot 0, and a listener’s to no one; passing the piece moves it', async () => {
    const clients = await circleByVoice(['Maya (keeper)', 'Dana', 'Ana', 'Luz']);
    const [maya, dana] = clients;
    const browsers = await connectAll(clients);
    const [mayaBrowser, danaBrowser, anaBrowser, luzBrowser] = browsers;
    if (!mayaBrowser || !danaBrowser || !anaBrowser || !luzBrowser) throw new Error('four');
    const listeners = [danaBrowser, anaBrowser, luzBrowser];

    await speakUntil(mayaBrowser, 'maya', () =>
      listeners.every((browser) => browser.heard(0).includes('maya')),
    );
    // Ana is not holding the piece: her packets reach no one, however many she sends.
    for (let sent = 0; sent < 20; sent += 1) {
      anaBrowser.sendAudio('ana, out of turn');
      await pause(5);
    }
    await speakUntil(mayaBrowser, 'maya again', () =>
      listeners.every((browser) => browser.heard(0).includes('maya again')),
    );
    for (const browser of browsers) {
      expect(browser.received.map((packet) => packet.payload)).not.toContain('ana, out of turn');
    }
    // The holder does not hear herself, and no one hears anything in the guide's slot.
    expect(mayaBrowser.received).toEqual([]);
    expect(browsers.flatMap((browser) => browser.heard(1))).toEqual([]);

    // Maya passes to Dana: Dana is heard in the same slot, numbered on from Maya's packets.
    await as(maya, { type: 'pass' });
    await dana?.until(() => dana.state.holder === dana.you);
    const lastFromMaya = anaBrowser.received.at(-1)?.sequenceNumber ?? 0;
    await speakUntil(danaBrowser, 'dana', () =>
      [mayaBrowser, anaBrowser, luzBrowser].every((browser) => browser.heard(0).includes('dana')),
    );
    const firstFromDana = anaBrowser.received.find((packet) => packet.payload === 'dana');
    expect(firstFromDana?.sequenceNumber).toBe((lastFromMaya + 1) % 65_536);
    // Maya's microphone is closed now: the unit forwards none of hers.
    for (let sent = 0; sent < 20; sent += 1) {
      mayaBrowser.sendAudio('maya, after passing');
      await pause(5);
    }
    await speakUntil(danaBrowser, 'dana again', () => anaBrowser.heard(0).includes('dana again'));
    expect(anaBrowser.heard(0)).not.toContain('maya, after passing');
    expect(danaBrowser.heard(0)).not.toContain('dana');
  });

  it('carries a keeper guiding aloud in slot 1, beside the holder in slot 0', async () => {
    const clients = await circleByVoice(['Maya (keeper)', 'Dana', 'Ana']);
    const [maya, dana] = clients;
    await as(maya, { type: 'pass' });
    await as(maya, { type: 'guide_aloud', on: true });
    await Promise.all(clients.map((client) => client.until(() => client.state.guiding !== null)));
    const [mayaBrowser, danaBrowser, anaBrowser] = await connectAll(clients);
    if (!mayaBrowser || !danaBrowser || !anaBrowser) throw new Error('three');
    expect(dana?.state.holder).toBe(dana?.you);
    await speakUntil(danaBrowser, 'dana holds', () => anaBrowser.heard(0).includes('dana holds'));
    await speakUntil(mayaBrowser, 'maya guides', () => anaBrowser.heard(1).includes('maya guides'));
    expect(anaBrowser.heard(0)).not.toContain('maya guides');
    expect(danaBrowser.heard(1)).toContain('maya guides');
  });

  it('forwards the holder’s picture only, and passes keyframe requests to whoever it is', async () => {
    const clients = await circleByVoice(['Maya (keeper)', 'Dana', 'Ana']);
    const [maya, dana] = clients;
    const [mayaBrowser, danaBrowser, anaBrowser] = await connectAll(clients);
    if (!mayaBrowser || !danaBrowser || !anaBrowser) throw new Error('three');
    const pictures = (browser: RelayBrowser) =>
      browser.received.filter((packet) => packet.kind === 'video').map((packet) => packet.payload);
    const showUntil = async (speaker: RelayBrowser, frame: string, seen: () => boolean) => {
      for (let tries = 0; tries < 250 && !seen(); tries += 1) {
        speaker.sendVideo(frame);
        await pause(20);
      }
      expect(seen()).toBe(true);
    };
    await showUntil(mayaBrowser, 'maya’s face', () => pictures(anaBrowser).includes('maya’s face'));
    danaBrowser.sendVideo('dana’s face, listening');
    await showUntil(mayaBrowser, 'maya again', () => pictures(danaBrowser).includes('maya again'));
    expect(pictures(anaBrowser)).not.toContain('dana’s face, listening');
    // Ana lost the picture and asks, as browsers do, until a keyframe comes: the unit asks
    // Maya's camera (at most twice a second, however many listeners ask).
    const asked = mayaBrowser.keyframesAsked;
    await vi.waitFor(
      () => {
        anaBrowser.askForKeyframe(0);
        expect(mayaBrowser.keyframesAsked).toBeGreaterThan(asked);
      },
      { timeout: 3_000, interval: 100 },
    );

    // Dana is given the piece: her first picture makes the unit ask her camera for a keyframe.
    await as(maya, { type: 'pass' });
    await dana?.until(() => dana.state.holder === dana.you);
    await showUntil(danaBrowser, 'dana holds', () => pictures(anaBrowser).includes('dana holds'));
    expect(danaBrowser.keyframesAsked).toBeGreaterThan(0);
  });

  it('takes offers only from browsers with media in a circle past the limit', async () => {
    const small = await circleByVoice(['Maya (keeper)', 'Dana']);
    const refused = small[0]?.next((frame) => frame.kind === 'problem');
    small[0]?.send({ kind: 'signal', to: RELAY_PEER, signal: { type: 'offer', sdp: 'v=0' } });
    // Two browsers are within the limit: they connect to each other, not to the unit.
    expect(await refused).toMatchObject({ problem: 'not_reachable' });

    const clients = await circleByVoice(['Maya (keeper)', 'Dana', 'Ana']);
    const [maya, dana, ana] = clients;
    // Past the limit, the unit takes offers only, with its four channels: an answer, or a
    // browser offering the mesh's two channels, is refused.
    const meshShaped = new RTCPeerConnection({ iceServers: [] });
    meshShaped.addTransceiver('audio', { direction: 'sendrecv' });
    meshShaped.addTransceiver('video', { direction: 'sendrecv' });
    const offer = await meshShaped.createOffer();
    await meshShaped.close();
    for (const signal of [offer, { type: 'answer', sdp: offer.sdp }]) {
      const problem = maya?.next((frame) => frame.kind === 'problem');
      maya?.send({
        kind: 'signal',
        to: RELAY_PEER,
        signal: { type: signal.type, sdp: signal.sdp },
      });
      expect(await problem).toMatchObject({ problem: 'not_reachable' });
    }

    await as(ana, { type: 'choose_media', media: 'text' });
    await as(dana, { type: 'choose_media', media: 'video' });
    await Promise.all(
      clients.map((client) =>
        client.until(() => client.state.participants.some((each) => each.media === 'video')),
      ),
    );
    // Back in a mesh of two, and Ana by text: neither may reach the unit.
    for (const client of [ana, dana]) {
      const problem = client?.next((frame) => frame.kind === 'problem');
      client?.send({ kind: 'signal', to: RELAY_PEER, signal: { type: 'offer', sdp: 'v=0' } });
      expect(await problem).toMatchObject({ problem: 'not_reachable' });
    }
  });

  it('stops sending to a browser whose person goes back to text, and to everyone once the circle closes', async () => {
    const clients = await circleByVoice(['Maya (keeper)', 'Dana', 'Ana', 'Luz']);
    const [maya, , ana] = clients;
    const browsers = await connectAll(clients);
    const [mayaBrowser, danaBrowser, anaBrowser, luzBrowser] = browsers;
    if (!mayaBrowser || !danaBrowser || !anaBrowser || !luzBrowser) throw new Error('four');
    await speakUntil(mayaBrowser, 'before', () => anaBrowser.heard(0).includes('before'));
    // Ana's browser, changed to keep its line open, still gets nothing once she is by text.
    await as(ana, { type: 'choose_media', media: 'text' });
    await Promise.all(
      clients.map((client) =>
        client.until(() => client.state.participants.some((each) => mediaOf(each) === 'text')),
      ),
    );
    await speakUntil(mayaBrowser, 'after', () => luzBrowser.heard(0).includes('after'));
    expect(anaBrowser.heard(0)).not.toContain('after');

    await as(maya, { type: 'close' });
    const luz = clients[3];
    await luz?.until(() => luz.state.status === 'closed');
    const heardBefore = browsers.map((browser) => browser.received.length);
    for (let sent = 0; sent < 20; sent += 1) {
      mayaBrowser.sendAudio('after the close');
      await pause(5);
    }
    await pause(200);
    expect(browsers.map((browser) => browser.received.length)).toEqual(heardBefore);
  });
});
