import {
  CONNECTION_CHECK_MAX_KB,
  CONNECTION_CHECK_PATH,
  type ConnectionFigures,
  downloadKbps,
  medianMs,
} from '../../../shared/circles/connection-check.ts';

// Timing the line to our own server before someone turns on voice or camera: a few empty
// requests for the round trip, then one download of up to a quarter of a megabyte. Each step
// has a time limit, so a weak signal gives a slow figure instead of a check that never ends.

const ROUND_TRIPS = 3;

export interface MeasureOptions {
  signal: AbortSignal;
  fetcher?: typeof fetch;
  now?: () => number;
  /** How long one empty request may take before the line counts as too slow for it. */
  roundTripLimitMs?: number;
  /** How long the download may take: what came by then is the figure. */
  downloadLimitMs?: number;
}

/** Bytes received and the time taken; `complete` is false when the limit cut it short. */
async function timed(
  url: string,
  { signal, fetcher = fetch, now = () => performance.now() }: MeasureOptions,
  limitMs: number,
): Promise<{ bytes: number; ms: number; complete: boolean }> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop);
  const timer = setTimeout(stop, limitMs);
  const start = now();
  let bytes = 0;
  try {
    const response = await fetcher(url, {
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (!response.ok || !response.body) {
      throw new Error(`the connection check answered ${response.status}`);
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    return { bytes, ms: now() - start, complete: true };
  } catch (error) {
    // Only the limit running out is a figure; leaving the page or a failure is not.
    if (signal.aborted || !controller.signal.aborted) throw error;
    return { bytes, ms: now() - start, complete: false };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

/** The line's figures; rejects when the server cannot be asked at all (offline, signed out). */
export async function measureConnection(options: MeasureOptions): Promise<ConnectionFigures> {
  const roundTrips: number[] = [];
  for (let asked = 0; asked < ROUND_TRIPS; asked += 1) {
    const ping = await timed(
      `${CONNECTION_CHECK_PATH}?kb=0`,
      options,
      options.roundTripLimitMs ?? 3_000,
    );
    roundTrips.push(ping.complete ? ping.ms : Number.POSITIVE_INFINITY);
  }
  const rttMs = medianMs(roundTrips);
  const download = await timed(
    `${CONNECTION_CHECK_PATH}?kb=${CONNECTION_CHECK_MAX_KB}`,
    options,
    options.downloadLimitMs ?? 4_000,
  );
  const downKbps =
    download.bytes === 0
      ? 0
      : downloadKbps(download.bytes, download.ms, Number.isFinite(rttMs) ? rttMs : 0);
  return { downKbps, rttMs };
}
