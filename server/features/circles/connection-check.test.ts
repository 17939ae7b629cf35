import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_CHECK_PATH } from '../../../shared/circles/connection-check.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { buildCircleWorld, type CircleWorld } from './fixtures.ts';

// The bytes a browser times before someone turns on voice or camera: for anyone, a resident
// with a join link who has not joined yet included; never stored on the way; limited per address.

let test: TestApp;
let world: CircleWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
});
afterAll(async () => {
  await test.close();
});

describe('the connection check', () => {
  it('sends a quarter of a megabyte that no cache keeps and no compression shrinks', async () => {
    const answer = await test.app.inject({
      method: 'GET',
      url: CONNECTION_CHECK_PATH,
      headers: {
        origin: test.context.config.publicUrl,
        cookie: world.resident.cookie,
        'accept-encoding': 'gzip, br',
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.rawPayload.length).toBe(256 * 1024);
    // Random bytes: gzip cannot make them smaller, so a proxy's compression cannot flatter a line.
    expect(gzipSync(answer.rawPayload).length).toBeGreaterThan(answer.rawPayload.length);
  });

  it('sends the size asked for, and nothing for timing a round trip', async () => {
    const small = await send(test, world.officer, 'GET', `${CONNECTION_CHECK_PATH}?kb=16`);
    expect(small.statusCode, small.body).toBe(200);
    expect(small.rawPayload.length).toBe(16 * 1024);
    const empty = await send(test, world.keeper, 'GET', `${CONNECTION_CHECK_PATH}?kb=0`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.rawPayload.length).toBe(0);
    expect(empty.headers['cache-control']).toBe('no-store');
  });

  it('answers someone with no session, as a resident with a join link is before joining', async () => {
    const nobody = await send(test, undefined, 'GET', `${CONNECTION_CHECK_PATH}?kb=1`);
    expect(nobody.statusCode, nobody.body).toBe(200);
    expect(nobody.rawPayload.length).toBe(1024);
    expect(nobody.headers['cache-control']).toBe('no-store');
  });

  it('refuses a size beyond its limit', async () => {
    const answer = await send(test, world.resident, 'GET', `${CONNECTION_CHECK_PATH}?kb=4096`);
    expect(answer.statusCode).toBe(400);
  });

  it('limits how often one address asks', async () => {
    const address = '203.0.113.77';
    const statuses: number[] = [];
    for (let asked = 0; asked < 121; asked += 1) {
      const answer = await send(
        test,
        world.resident,
        'GET',
        `${CONNECTION_CHECK_PATH}?kb=0`,
        undefined,
        address,
      );
      statuses.push(answer.statusCode);
    }
    expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
  });
});
