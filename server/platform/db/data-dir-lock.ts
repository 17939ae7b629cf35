import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StartupError } from '../startup-error.ts';

// PGlite has no lock of its own: two processes on one data directory corrupt it silently.
// Every process that opens the embedded database first takes this exclusive lock file.

export class DataDirInUseError extends StartupError {
  override name = 'DataDirInUseError';
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  purpose: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'restorativ.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** A lock is stale when its owner on this host has died, or the file cannot be read. */
function isStale(owner: LockOwner | undefined): boolean {
  if (!owner || typeof owner.pid !== 'number') return true;
  return owner.host === hostname() && !isAlive(owner.pid);
}

export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    purpose,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return {
        path,
        release() {
          if (readOwner(path)?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (!isStale(owner)) {
        throw new DataDirInUseError(
          `The embedded database in ${dir} is in use by another Restorativ process ` +
            `(${owner?.purpose ?? 'unknown'}, pid ${owner?.pid} on ${owner?.host}, since ${owner?.since}). ` +
            'Stop that process first, or set DATA_DIR to another directory.',
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataDirInUseError(`Could not lock ${dir}: another process keeps taking it.`);
}
