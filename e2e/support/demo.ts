import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import type { ProfileResponse } from '../../shared/profile/contract.ts';
import { signInAndSetUpSecondFactor } from './api-session.ts';
import { type Harness, setUpServerAndBrowser } from './harness.ts';

// A server filled by `restorativ demo` before it starts, and what the demo printed: its password
// and the links it shows a newcomer.

export interface DemoOutput {
  password: string;
  /** Everything the demo printed. */
  text: string;
}

export function setUpDemo(): { harness: Harness; demo: DemoOutput } {
  const demo: DemoOutput = { password: '', text: '' };
  const harness = setUpServerAndBrowser(async (env) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
      env: { PATH: process.env.PATH, ...env },
      maxBuffer: 4 * 1024 * 1024,
    });
    demo.text = stdout;
    demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
  });
  return { harness, demo };
}

/** The token of the first `path#token` link the demo printed after the line containing `label`. */
export function demoLinkToken(demo: DemoOutput, label: string, path: string): string {
  const after = demo.text.slice(demo.text.indexOf(label));
  const token = new RegExp(`${path}#([\\w-]{43})`).exec(after)?.[1];
  if (!token) throw new Error(`the demo printed no ${path} link after "${label}"`);
  return token;
}

/**
 * Signs a demo staff member in (setting up their second factor), shares the session with the
 * browser context, and returns the program they coordinate.
 */
export async function signInDemoCoordinator(
  harness: Harness,
  demo: DemoOutput,
  email: string,
  context: BrowserContext,
): Promise<string> {
  const { session } = await signInAndSetUpSecondFactor(harness.url, {
    email,
    password: demo.password,
  });
  const me = await session.call<ProfileResponse>('/api/me');
  await session.shareWith(context);
  const programId = me.roles.find((role) => role.role === 'coordinator')?.programId;
  if (!programId) throw new Error(`${email} coordinates no program`);
  return programId;
}
