import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'restorativ-lock-'));

describe('the data directory lock', () => {
  it('refuses a second owner with a message naming the first and what to do', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir, 'server');
    expect(() => lockDataDir(dir, 'backup')).toThrowError(DataDirInUseError);
    expect(() => lockDataDir(dir, 'backup')).toThrowError(
      new RegExp(`in use by another Restorativ process \\(server, pid ${process.pid}`),
    );
    lock.release();
  });

  it('can be taken again once released', () => {
    const dir = freshDir();
    lockDataDir(dir, 'server').release();
    const again = lockDataDir(dir, 'server');
    expect(JSON.parse(readFileSync(again.path, 'utf8')).pid).toBe(process.pid);
    again.release();
    expect(existsSync(again.path)).toBe(false);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    const deadPid = 2 ** 22 + 12_345; // above Linux's pid_max default, so no process has it
    writeFileSync(
      join(dir, 'restorativ.lock'),
      JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01', purpose: 'server' }),
    );
    const lock = lockDataDir(dir, 'server');
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock file that was left half-written', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'restorativ.lock'), '{"pid":');
    const lock = lockDataDir(dir, 'server');
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
  });

  it('does not take over a lock held by a live process on another host', () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, 'restorativ.lock'),
      JSON.stringify({ pid: 1, host: 'another-host', since: '2026-01-01', purpose: 'server' }),
    );
    expect(() => lockDataDir(dir, 'server')).toThrowError(/on another-host/);
  });
});
