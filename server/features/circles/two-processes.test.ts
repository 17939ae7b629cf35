import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CircleCommand } from '../../../shared/circles/machine.ts';
import { asReceivedBy, LiveClient } from './live-client.ts';
import { RelayBrowser } from './relay-browser.ts';
import { type Installation, seededInstallation } from './spawned.ts';

// Scale-out: with PostgreSQL and Redis, two server processes serve one circle together, and the
// people connected to either see one log, in one order. On the embedded database there is only
// ever one process: a second one on the same data directory is refused, and the first goes on
// serving its circle as if nothing happened.

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });
const scaledOut = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const installations: Installation[] = [];

afterEach(async () => {
  await Promise.all(installations.splice(0).map((installation) => installation.remove()));
});

async function install(): Promise<Installation> {
  const installation = await seededInstallation(
    [
      { name: 'Maya', role: 'keeper' },
      { name: 'Officer Reyes', role: 'officer' },
      { name: 'Ana', role: 'resident' },
      { name: 'Bo', role: 'resident' },
    ],
    { embedded: !scaledOut },
  );
  installations.push(installation);
  return installation;
}

/** Everyone connects to the address given for them and says hello, then all join. */
async function gather(installation: Installation, urls: string[]): Promise<LiveClient[]> {
  const { circle } = installation;
  const clients: LiveClient[] = [];
  for (const [index, person] of circle.people.entries()) {
    const client = await LiveClient.connect(urls[index % urls.length] ?? '', person.cookie);
    await client.hello(circle.circleId, null);
    clients.push(client);
  }
  for (const client of clients) {
    expect(await client.command({ type: 'join', name: 'x', role: 'other' })).toMatchObject({
      kind: 'accepted',
    });
  }
  expect(await clients[0]?.command({ type: 'open' })).toMatchObject({ kind: 'accepted' });
  return clients;
}

async function accepted(client: LiveClient | undefined, command: CircleCommand) {
  const answer = await client?.command(command);
  expect(answer, JSON.stringify(command)).toMatchObject({ kind: 'accepted' });
  return answer?.kind === 'accepted' ? answer.seq : 0;
}

async function inStep(clients: LiveClient[]) {
  const last = Math.max(...clients.map((client) => client.seq ?? 0));
  await Promise.all(clients.map((client) => client.reach(last)));
  for (const client of clients) {
    expect(client.disorder).toEqual([]);
    // The first is the keeper, who sees everyone's requests for a private word.
    expect(client.log).toEqual(asReceivedBy(clients[0]?.log ?? [], client, client === clients[0]));
  }
  return last;
}

describe(
  scaledOut ? 'two server processes on PostgreSQL and Redis' : 'the embedded database',
  () => {
    if (scaledOut) {
      it('serve one circle together: the clients of both see one ordered log', async () => {
        const installation = await install();
        const [one, two] = [installation.start(), installation.start()];
        const urls = await Promise.all([one, two].map((server) => installation.liveUrlOf(server)));
        // Maya and Ana on the first process, the officer and Bo on the second.
        const clients = await gather(installation, urls);

        // The piece goes round across both processes while everyone else speaks up at once,
        // from both processes, so that both append to the same circle at the same moments.
        for (let round = 0; round < 3; round += 1) {
          for (const holder of clients) {
            const others = clients.filter((client) => client !== holder);
            const asking = others.map(async (client) => {
              for (let index = 0; index < 3; index += 1) {
                await accepted(client, { type: 'ask_private_word' });
              }
            });
            await holder.until(() => holder.state.holder === holder.you);
            await accepted(holder, {
              type: 'post',
              messageId: `${round}-${holder.you}`,
              text: `Round ${round}`,
            });
            await accepted(holder, { type: 'pass' });
            await Promise.all(asking);
          }
        }
        const last = await inStep(clients);
        expect(clients[0]?.log.map((each) => each.seq)).toEqual(
          Array.from({ length: last }, (_, index) => index + 1),
        );
        expect(clients[0]?.state.messages).toHaveLength(12);

        // A browser's voice offer crosses to the other process, to the one browser it is for.
        await accepted(clients[0], { type: 'choose_media', media: 'audio' });
        await accepted(clients[1], { type: 'choose_media', media: 'video' });
        await inStep(clients);
        const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' } as const;
        const offered = clients[1]?.next((frame) => frame.kind === 'signal');
        clients[0]?.send({ kind: 'signal', to: clients[1]?.you, signal: offer });
        expect(await offered).toEqual({ kind: 'signal', from: clients[0]?.you, signal: offer });

        // Closing on one process ends the circle for the clients of the other.
        const dismissed = clients.map((client) => client.closed());
        await accepted(clients[0], { type: 'close' });
        expect((await Promise.all(dismissed)).map((close) => close.code)).toEqual([
          1000, 1000, 1000, 1000,
        ]);
        await inStep(clients);
        expect(clients[1]?.log.at(-1)?.event).toMatchObject({ type: 'closed' });
        for (const client of [clients[0], clients[2], clients[3]]) {
          expect(client?.frames.filter((frame) => frame.kind === 'signal')).toEqual([]);
        }
      });

      it('carry the holder’s voice through both forwarding units to browsers on the other process', async () => {
        const installation = await install();
        // Four by voice, past a limit of two: every browser connects to its process's unit.
        installation.env.MEDIA_MESH_LIMIT = '2';
        const [one, two] = [installation.start(), installation.start()];
        const urls = await Promise.all([one, two].map((server) => installation.liveUrlOf(server)));
        const clients = await gather(installation, urls);
        for (const client of clients)
          await accepted(client, { type: 'choose_media', media: 'audio' });
        await inStep(clients);
        const browsers = clients.map(() => new RelayBrowser());
        try {
          await Promise.all(
            browsers.map((browser, index) => browser.connect(clients[index] as LiveClient)),
          );
          // Maya (first process) holds the piece; the officer and Bo are on the second.
          const [maya, officer, ana, bo] = browsers;
          if (!maya || !officer || !ana || !bo) throw new Error('four browsers');
          const speak = async (speaker: RelayBrowser, words: string, heard: () => boolean) => {
            for (let tries = 0; tries < 250 && !heard(); tries += 1) {
              speaker.sendAudio(words);
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
            expect(heard(), words).toBe(true);
          };
          await speak(maya, 'maya', () =>
            [officer, ana, bo].every((browser) => browser.heard(0).includes('maya')),
          );
          // Bo listens, on the second process: his packets reach no one on either.
          for (let sent = 0; sent < 20; sent += 1) bo.sendAudio('bo, out of turn');
          await speak(maya, 'maya again', () => officer.heard(0).includes('maya again'));
          for (const browser of browsers) {
            expect(browser.heard(0)).not.toContain('bo, out of turn');
          }
        } finally {
          await Promise.all(browsers.map((browser) => browser.close()));
        }
      });
    } else {
      it('refuses a second process on the same data directory, while the first keeps serving its circle', async () => {
        const installation = await install();
        const first = installation.start();
        const url = await installation.liveUrlOf(first);
        const clients = await gather(installation, [url]);
        const [keeper, officer] = clients;
        await accepted(keeper, { type: 'post', messageId: 'm1', text: 'Welcome.' });
        await accepted(keeper, { type: 'pass' });

        const second = installation.start();
        expect(await second.exited).toBe(2);
        expect(second.output()).toMatch(
          /is in use by another Restorativ process \(server, pid \d+/,
        );

        const seq = await accepted(officer, { type: 'post', messageId: 'm2', text: 'Thank you.' });
        await Promise.all(clients.map((client) => client.reach(seq)));
        await inStep(clients);
        expect(clients.map((client) => client.state.messages.length)).toEqual([2, 2, 2, 2]);
      });
    }
  },
);
