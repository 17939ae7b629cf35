// `npm start` builds the web app only when dist/web is missing or older than its sources,
// so a fresh clone works with one command and later starts stay quick.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../server/platform/paths.ts';

const builtIndex = join(repositoryRoot, 'dist/web/index.html');
const sourceRoots = ['web', 'shared', 'vite.config.ts'].map((path) => join(repositoryRoot, path));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

export function buildWebIfStale(): void {
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const sourcesChangedAt = Math.max(...sourceRoots.filter(existsSync).map(newestChange));
  if (sourcesChangedAt <= builtAt) return;
  console.log('Building the web app…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: repositoryRoot,
    stdio: 'inherit',
    // Whatever NODE_ENV the caller has (Vitest sets "test"), the app is built for production,
    // or React's development build would be bundled.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

if (import.meta.main) buildWebIfStale();
