import { type ChildProcess, spawn } from 'node:child_process';
import { repositoryRoot } from '../platform/paths.ts';

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** Resolves with the URL the server prints once it listens; rejects if it exits first. */
  listening: Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Runs `node server/main.ts` as `npm start` would, on the given settings. */
export function spawnServer(env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /Restorativ is running at (\S+)/.exec(printed)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${printed}`)));
  });
  listening.catch(() => {});
  return {
    child,
    output: () => printed,
    exited,
    listening,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
