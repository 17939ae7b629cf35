import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { repositoryRoot } from '../server/platform/paths.ts';

describe('restorativ keygen', () => {
  it('prints a new key that production accepts as ENCRYPTION_KEY, a different one each time', () => {
    const keygen = () =>
      spawnSync(process.execPath, ['cli/restorativ.ts', 'keygen'], {
        cwd: repositoryRoot,
        env: { PATH: process.env.PATH },
        encoding: 'utf8',
      });
    const first = keygen();
    expect(first.status).toBe(0);
    const key = first.stdout.trim();
    expect(first.stderr).toContain('Set it as ENCRYPTION_KEY');
    expect(
      loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: key, AUTH_SECRET: 's'.repeat(32) })
        .ENCRYPTION_KEY,
    ).toBe(key);
    expect(keygen().stdout.trim()).not.toBe(key);
  });
});
