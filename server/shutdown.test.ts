import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.ts';

let test: TestApp;
let releaseSlowRequest: () => void;
const slowRequestArrived = Promise.withResolvers<void>();

beforeAll(async () => {
  test = await startTestApp();
  // A request that is still being answered when shutdown begins.
  test.app.get('/api/test/slow', async () => {
    slowRequestArrived.resolve();
    await new Promise<void>((resolve) => {
      releaseSlowRequest = resolve;
    });
    return { finished: true };
  });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await test.close();
});

describe('shutting down', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const { port } = test.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const inFlight = fetch(`${base}/api/test/slow`);
    await slowRequestArrived.promise;

    const closing = test.app.close();
    releaseSlowRequest();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;

    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
