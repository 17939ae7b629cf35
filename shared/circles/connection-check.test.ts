import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConnectionVerdict,
  connectionCheckQuery,
  connectionVerdict,
  downloadKbps,
  medianMs,
  needs,
} from './connection-check.ts';

const rank: Record<ConnectionVerdict, number> = { text: 0, voice: 1, video: 2 };
const kbps = fc.double({ min: 0, max: 100_000, noNaN: true });
const ms = fc.double({ min: 0, max: 10_000, noNaN: true });

describe('the connection verdict', () => {
  it('reads a fast line, a phone on a weak signal, and a line too slow for voice', () => {
    expect(connectionVerdict({ downKbps: 20_000, rttMs: 40 })).toBe('video');
    expect(connectionVerdict({ downKbps: 600, rttMs: 250 })).toBe('voice');
    expect(connectionVerdict({ downKbps: 80, rttMs: 300 })).toBe('text');
    // Bandwidth enough for video, but answers so slow that the turns would lag.
    expect(connectionVerdict({ downKbps: 5_000, rttMs: 700 })).toBe('voice');
    expect(connectionVerdict({ downKbps: 5_000, rttMs: 2_000 })).toBe('text');
  });

  it('counts a line exactly at a need as meeting it', () => {
    expect(connectionVerdict(needs.video)).toBe('video');
    expect(connectionVerdict(needs.voice)).toBe('voice');
  });

  it('never suggests less for a faster line or a quicker round trip', () => {
    fc.assert(
      fc.property(kbps, kbps, ms, ms, (downA, downB, rttA, rttB) => {
        const slower = connectionVerdict({
          downKbps: Math.min(downA, downB),
          rttMs: Math.max(rttA, rttB),
        });
        const faster = connectionVerdict({
          downKbps: Math.max(downA, downB),
          rttMs: Math.min(rttA, rttB),
        });
        expect(rank[faster]).toBeGreaterThanOrEqual(rank[slower]);
      }),
    );
  });

  it('suggests video only where voice would also do', () => {
    fc.assert(
      fc.property(kbps, ms, (downKbps, rttMs) => {
        if (connectionVerdict({ downKbps, rttMs }) !== 'video') return;
        expect(downKbps).toBeGreaterThanOrEqual(needs.voice.downKbps);
        expect(rttMs).toBeLessThanOrEqual(needs.voice.rttMs);
      }),
    );
  });
});

describe('the figures from the timings', () => {
  it('leaves the request’s round trip out of the transfer', () => {
    // 256 KB in 1.1 s, 100 ms of it the request: 2,097,152 bits over one second.
    expect(downloadKbps(262_144, 1_100, 100)).toBeCloseTo(2_097.152);
  });

  it('gives a finite, positive rate for any download that brought bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), ms, ms, (bytes, totalMs, rttMs) => {
        const rate = downloadKbps(bytes, totalMs, rttMs);
        expect(Number.isFinite(rate)).toBe(true);
        expect(rate).toBeGreaterThan(0);
        // Never more than four times the naive rate: a round trip cannot make a line look
        // arbitrarily fast.
        expect(rate).toBeLessThanOrEqual((bytes * 8) / Math.max(totalMs / 4, 1) + 1e-9);
      }),
    );
  });

  it('takes the middle round trip', () => {
    expect(medianMs([30, 900, 40])).toBe(40);
    expect(medianMs([30, 50])).toBe(40);
    expect(medianMs([])).toBe(Number.POSITIVE_INFINITY);
  });

  it('asks for at most a quarter of a megabyte, and an empty body for timing', () => {
    expect(connectionCheckQuery.parse({})).toEqual({ kb: 256 });
    expect(connectionCheckQuery.parse({ kb: '0' })).toEqual({ kb: 0 });
    expect(connectionCheckQuery.safeParse({ kb: '257' }).success).toBe(false);
    expect(connectionCheckQuery.safeParse({ kb: '1.5' }).success).toBe(false);
  });
});
