import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CircleCommand, CircleEvent } from '../../../shared/circles/machine.ts';
import { asReceivedBy, LiveClient } from './live-client.ts';
import { type Installation, seededInstallation } from './spawned.ts';

// Issue 6's promise about durability: a server process killed with SIGKILL in the middle of a
// circle, and started again on the same database. Every command that a client was told was
// accepted is still there, at the number it was given, and every client resumes in order.

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });
const installations: Installation[] = [];

afterEach(async () => {
  await Promise.all(installations.splice(0).map((installation) => installation.remove()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Acknowledged {
  client: LiveClient;
  command: CircleCommand;
  seq: number;
}

/** Each client talks as a participant does, until its connection is cut. */
async function talk(client: LiveClient, acknowledged: Acknowledged[]): Promise<void> {
  for (let turn = 0; ; turn += 1) {
    const holding = client.state.holder === client.you;
    const command: CircleCommand = holding
      ? turn % 2 === 0
        ? { type: 'post', messageId: `${client.you}-${turn}`, text: `Turn ${turn}` }
        : { type: 'pass' }
      : { type: 'ask_private_word' };
    const answer = await Promise.race([client.command(command), client.closed()]);
    if (!('kind' in answer)) return;
    if (answer.kind === 'accepted') acknowledged.push({ client, command, seq: answer.seq });
    await sleep(10);
  }
}

/** The event an accepted command ends with, as the command makes it. */
function madeBy(command: CircleCommand, by: string): Partial<CircleEvent> {
  if (command.type === 'post') return { type: 'posted', messageId: command.messageId, by };
  if (command.type === 'pass') return { type: 'piece_moved' };
  return { type: 'private_word_asked', by };
}

describe('a server process killed in the middle of a circle', () => {
  it('loses no acknowledged message, and every client resumes in order after a restart', async () => {
    const installation = await seededInstallation(
      [
        { name: 'Maya', role: 'keeper' },
        { name: 'Officer Reyes', role: 'officer' },
        { name: 'Ana', role: 'resident' },
        { name: 'Bo', role: 'resident' },
        { name: 'Chris', role: 'resident' },
      ],
      { embedded: !process.env.DATABASE_URL },
    );
    installations.push(installation);
    const { circle } = installation;
    const first = installation.start();
    const url = await installation.liveUrlOf(first);
    const clients: LiveClient[] = [];
    for (const person of circle.people) {
      const client = await LiveClient.connect(url, person.cookie);
      await client.hello(circle.circleId, null);
      clients.push(client);
    }
    for (const client of clients) await client.command({ type: 'join', name: 'x', role: 'other' });
    await clients[0]?.command({ type: 'open' });

    const acknowledged: Acknowledged[] = [];
    const talking = clients.map((client) => talk(client, acknowledged));
    while (acknowledged.length < 80) await sleep(20);
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(talking);

    const second = installation.start();
    const restarted = await installation.liveUrlOf(second);
    let last = 0;
    for (const client of clients) {
      client.url = restarted;
      await client.open();
      const welcome = await client.hello(circle.circleId);
      expect(welcome).toMatchObject({ kind: 'welcome' });
      if (welcome.kind === 'welcome') last = Math.max(last, welcome.seq);
    }
    await Promise.all(clients.map((client) => client.reach(last)));

    const [keeper] = clients;
    for (const client of clients) {
      expect(client.disorder).toEqual([]);
      expect(client.log).toEqual(asReceivedBy(keeper?.log ?? [], client, client === keeper));
    }
    expect(keeper?.log.map((each) => each.seq)).toEqual(
      Array.from({ length: last }, (_, index) => index + 1),
    );
    for (const { client, command, seq } of acknowledged) {
      expect(keeper?.log[seq - 1]?.event, JSON.stringify(command)).toMatchObject(
        madeBy(command, client.you),
      );
    }

    // The circle goes on where it was.
    const holder = clients.find((client) => client.you === keeper?.state.holder);
    const answer = await holder?.command({ type: 'post', messageId: 'after', text: 'Still here.' });
    expect(answer).toMatchObject({ kind: 'accepted', seq: last + 1 });
    await Promise.all(clients.map((client) => client.reach(last + 1)));
    for (const client of clients) await client.close();
  });
});
