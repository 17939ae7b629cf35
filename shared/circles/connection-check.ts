import { z } from 'zod';

// The connection part of the device check: the browser downloads a few hundred kilobytes of
// incompressible bytes from our own server (no third party learns who is in a circle) and times
// a few empty requests, and the figures become a plain suggestion of how to take part. The
// suggestion never decides: the person chooses. See docs/decisions/032-voice-and-video.md.

export const CONNECTION_CHECK_PATH = '/api/circles/connection-check';

/** Up to this many kilobytes per request: a quarter of a megabyte is a fair sample on a phone. */
export const CONNECTION_CHECK_MAX_KB = 256;

/** `kb=0` answers an empty body: the browser times those for the round trip. */
export const connectionCheckQuery = z.object({
  kb: z.coerce.number().int().min(0).max(CONNECTION_CHECK_MAX_KB).default(CONNECTION_CHECK_MAX_KB),
});

export interface ConnectionFigures {
  /** What came down, in kilobits per second. */
  downKbps: number;
  /** A request's round trip to our server, in milliseconds. */
  rttMs: number;
}

export type ConnectionVerdict = 'video' | 'voice' | 'text';

/**
 * What each way of taking part needs. Voice: one speaker at a time (two while a keeper guides)
 * at about 40 kbit/s each with packet overhead, with room left for the room's text. Video: the
 * holder's picture (about 700 kbit/s) and the listeners' small ones (about 100 kbit/s each, a
 * mesh of up to eight). A slow round trip makes the turn-taking lag, even with the bandwidth.
 */
export const needs = {
  video: { downKbps: 1_500, rttMs: 400 },
  voice: { downKbps: 150, rttMs: 1_000 },
} as const;

/** The best way of taking part that the measured connection carries well. */
export function connectionVerdict({ downKbps, rttMs }: ConnectionFigures): ConnectionVerdict {
  for (const verdict of ['video', 'voice'] as const) {
    const need = needs[verdict];
    if (downKbps >= need.downKbps && rttMs <= need.rttMs) return verdict;
  }
  return 'text';
}

/**
 * Kilobits per second from a download of `bytes` that took `totalMs` from asking to its last
 * byte: one round trip of that went on the request, not the transfer. A transfer quicker than
 * the round trip (a small sample on a fast line) still counts at least a quarter of its time, so
 * a fast line is never read as infinitely fast.
 */
export function downloadKbps(bytes: number, totalMs: number, rttMs: number): number {
  const transferMs = Math.max(totalMs - rttMs, totalMs / 4, 1);
  return (bytes * 8) / transferMs;
}

/** The middle of a few round trips: one slow answer does not condemn a line, nor one fast flatter it. */
export function medianMs(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.POSITIVE_INFINITY;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
