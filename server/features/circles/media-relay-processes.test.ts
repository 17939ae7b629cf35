import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CircleEvent } from '../../../shared/circles/machine.ts';
import { createInProcessBus } from '../../platform/bus/in-process-bus.ts';
import { createFieldCipher } from '../../platform/crypto/field-cipher.ts';
import { createLogger } from '../../platform/logger.ts';
import { createMediaRelay, type MediaRelay } from './media-relay.ts';
import { RelayBrowser } from './relay-browser.ts';
import { Room } from './room.ts';

// Scale-out: with several server processes, a circle's browsers may be connected to different
// processes' units. Each unit publishes its browsers' open voices on the circle's bus channel,
// and forwards the others' to its own browsers, under its own state's lock. Two units here share
// one bus as two processes share Redis; each has its own room, advanced with the same events.

const log = createLogger('silent');
/** The processes' shared key, as every process of one deployment has it. */
const cipher = createFieldCipher({ currentId: 'k1', keys: new Map([['k1', randomBytes(32)]]) });
const circleId = randomUUID();
const open: { units: MediaRelay[]; rooms: Room[]; browsers: RelayBrowser[] } = {
  units: [],
  rooms: [],
  browsers: [],
};

afterEach(async () => {
  await Promise.all(open.units.splice(0).map((unit) => unit.close()));
  for (const room of open.rooms.splice(0)) room.dispose();
  await Promise.all(open.browsers.splice(0).map((browser) => browser.close()));
});

const people = ['a-maya', 'b-dana', 'c-ana', 'd-luz'];
const underWay: CircleEvent[] = [
  ...people.flatMap((id, index): CircleEvent[] => [
    {
      type: 'joined',
      participantId: id,
      name: id,
      role: index === 0 ? 'keeper' : 'resident',
      at: index,
    },
    { type: 'media_chosen', participantId: id, media: 'audio', at: index },
  ]),
  { type: 'opened', by: 'a-maya', at: 10 },
  { type: 'piece_moved', to: 'a-maya', at: 11 },
];

/** One process: its room of the circle, folded from the log, and its unit. */
function serverProcess(bus: ReturnType<typeof createInProcessBus>) {
  const room = new Room(
    circleId,
    underWay.map((event, index) => ({ seq: index + 1, event })),
    {
      loadAfter: async () => [],
      leave: () => undefined,
      leaveAfterMs: 60_000,
      idle: () => undefined,
      log,
    },
  );
  const unit = createMediaRelay({ meshLimit: 2, iceServers: [], processes: { bus, cipher }, log });
  open.rooms.push(room);
  open.units.push(unit);
  return { room, unit };
}

async function connect(at: ReturnType<typeof serverProcess>, participantId: string) {
  const browser = new RelayBrowser();
  open.browsers.push(browser);
  await browser.connectBy(async (offer) => {
    const answer = await at.unit.answer(at.room, participantId, offer);
    if (answer === null) throw new Error(`${participantId} was refused`);
    return answer;
  });
  return browser;
}

async function speakUntil(speaker: RelayBrowser, words: string, heard: () => boolean) {
  for (let tries = 0; tries < 250; tries += 1) {
    speaker.sendAudio(words);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (heard()) return;
  }
  throw new Error(`“${words}” was not heard`);
}

describe('the forwarding unit across processes', () => {
  it('carries the holder’s voice to browsers on another process, never a listener’s, and follows the piece', async () => {
    const bus = createInProcessBus(log);
    const onTheBus: Record<string, unknown>[] = [];
    await bus.subscribe(`circle-media:${circleId}`, (message) => {
      onTheBus.push(message as Record<string, unknown>);
    });
    const first = serverProcess(bus);
    const second = serverProcess(bus);
    const maya = await connect(first, 'a-maya');
    const ana = await connect(first, 'c-ana');
    const dana = await connect(second, 'b-dana');
    const luz = await connect(second, 'd-luz');

    await speakUntil(maya, 'maya', () =>
      [ana, dana, luz].every((browser) => browser.heard(0).includes('maya')),
    );
    for (let sent = 0; sent < 20; sent += 1) dana.sendAudio('dana, out of turn');
    await speakUntil(maya, 'maya again', () => luz.heard(0).includes('maya again'));
    for (const browser of [maya, ana, dana, luz]) {
      expect(browser.heard(0)).not.toContain('dana, out of turn');
    }

    // The piece moves to Dana, on the second process: both rooms fold it, as the bus brings it.
    const passed: CircleEvent = { type: 'piece_moved', to: 'b-dana', at: 12 };
    for (const { room } of [first, second])
      room.advance([{ seq: underWay.length + 1, event: passed }]);
    await speakUntil(dana, 'dana', () =>
      [maya, ana, luz].every((browser) => browser.heard(0).includes('dana')),
    );
    expect(dana.heard(0)).not.toContain('dana');

    // The voices crossed between the processes sealed: what the bus holds opens only with the
    // deployment's key, and nothing else of a packet travels beside it.
    const packets = onTheBus.filter((message) => message.kind === 'rtp');
    expect(packets.length).toBeGreaterThan(0);
    for (const message of packets) {
      expect(Object.keys(message).sort()).toEqual(['from', 'kind', 'media', 'sealed', 'source']);
    }
    const opened = packets.map((message) =>
      Buffer.from(cipher.decrypt(String(message.sealed), `circle_media:${circleId}`), 'base64'),
    );
    expect(opened.some((packet) => packet.includes('maya again'))).toBe(true);
  });
});
