import type { ServerFrame } from '../../../shared/circles/protocol.ts';

// What the live client needs from the browser, kept apart so that tests can give it fakes: the
// socket, the timers, ids, and reading the server's frames.

/** The part of a browser WebSocket the client uses; tests give it a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** WebSocket.OPEN, without needing a WebSocket to read it from. */
export const OPEN = 1;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** An id for a request or a message: random, and fine outside a secure context too. */
export function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function sameOriginUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/circles/live`;
}

export function readServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const frame: unknown = JSON.parse(data);
    return typeof frame === 'object' && frame !== null && 'kind' in frame
      ? (frame as ServerFrame)
      : null;
  } catch {
    return null;
  }
}
