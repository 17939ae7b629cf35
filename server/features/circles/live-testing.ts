import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { LiveClient } from './live-client.ts';
import { type SeededProgram, seedProgram } from './live-fixtures.ts';
import { LIVE_PATH } from './realtime.ts';

// The whole app in the test process, listening on a real port, with a program to plan circles in.

export interface LiveTestApp extends TestApp {
  /** ws://127.0.0.1:<port>/api/circles/live */
  liveUrl: string;
  program: SeededProgram;
  /** A participant's app, connected with their session cookie. */
  connect(cookie?: string): Promise<LiveClient>;
}

export async function startLiveTestApp(
  overrides: Record<string, string | undefined> = {},
): Promise<LiveTestApp> {
  const test = await startTestApp(overrides);
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = test.app.server.address() as AddressInfo;
  const liveUrl = `ws://127.0.0.1:${port}${LIVE_PATH}`;
  const program = await seedProgram(test.context, { transcriptRetentionDays: 14 });
  return {
    ...test,
    liveUrl,
    program,
    connect: (cookie) => LiveClient.connect(liveUrl, cookie, test.context.config.publicUrl),
  };
}
