// How long the live report waits before opening its socket again: doubling from one second up to
// half a minute, with some jitter so that many open reports do not all come back at once after a
// server restarts.

const FIRST_MS = 1_000;
const LONGEST_MS = 30_000;

/** The wait before reconnection attempt `attempt` (0 for the first); `random` in [0, 1). */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(LONGEST_MS, FIRST_MS * 2 ** Math.max(0, attempt));
  // Between three quarters of the base and the base itself.
  return Math.round(base * (0.75 + 0.25 * Math.min(1, Math.max(0, random))));
}

/** Whether a socket message asks for the report again: `{ kind: 'changed' }`. */
export function isChangeSignal(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  try {
    const message: unknown = JSON.parse(data);
    return (
      typeof message === 'object' &&
      message !== null &&
      'kind' in message &&
      message.kind === 'changed'
    );
  } catch {
    return false;
  }
}
