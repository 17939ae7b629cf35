import { describe, expect, it } from 'vitest';
import { liveUrl } from './api.ts';
import { isChangeSignal, reconnectDelay } from './live-backoff.ts';

describe('reconnecting the live report', () => {
  it('waits longer after each failure, up to half a minute', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelay(attempt, 0.999_999));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads reconnections over the last quarter of each wait', () => {
    expect(reconnectDelay(2, 0)).toBe(3000);
    expect(reconnectDelay(2, 0.5)).toBe(3500);
  });

  it('opens the socket on the page’s own host, secure under https', () => {
    expect(liveUrl({ protocol: 'https:', host: 'rj.example.org' }, 'd 1')).toBe(
      'wss://rj.example.org/api/dialogues/d%201/live',
    );
    expect(liveUrl({ protocol: 'http:', host: 'localhost:3100' }, 'd1')).toBe(
      'ws://localhost:3100/api/dialogues/d1/live',
    );
  });

  it('fetches the report again only for a change', () => {
    expect(isChangeSignal('{"kind":"changed","votes":3}')).toBe(true);
    expect(isChangeSignal('{"kind":"ping"}')).toBe(false);
    expect(isChangeSignal('not json')).toBe(false);
    expect(isChangeSignal(new ArrayBuffer(2))).toBe(false);
  });
});
