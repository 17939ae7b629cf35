import { describe, expect, it } from 'vitest';
import { connectionVerdict } from '../../../shared/circles/connection-check.ts';
import { measureConnection } from './bandwidth.ts';

// The browser's side of the connection check, on a made-up line whose clock the test moves.

/** A line where each request takes `rttMs` and each 16 KB chunk of a download `chunkMs`. */
function fakeLine(options: { rttMs: number; chunkMs: number; stallAfter?: number }) {
  let clock = 0;
  const asked: string[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    asked.push(String(input));
    clock += options.rttMs;
    const kb = Number(new URL(String(input), 'http://localhost').searchParams.get('kb'));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (options.stallAfter !== undefined && sent >= options.stallAfter) {
          // Nothing more comes: only the time limit ends the read.
          return new Promise<void>((resolve) =>
            init?.signal?.addEventListener('abort', () => {
              controller.error(new DOMException('aborted', 'AbortError'));
              resolve();
            }),
          );
        }
        if (sent >= kb * 1024) return controller.close();
        clock += options.chunkMs;
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    return new Response(body);
  }) as typeof fetch;
  return { fetcher, now: () => clock, asked };
}

describe('measuring the line to our server', () => {
  it('times three empty requests and one download of a quarter of a megabyte', async () => {
    const line = fakeLine({ rttMs: 40, chunkMs: 5 });
    const figures = await measureConnection({
      signal: new AbortController().signal,
      fetcher: line.fetcher,
      now: line.now,
    });
    expect(line.asked).toEqual([
      '/api/circles/connection-check?kb=0',
      '/api/circles/connection-check?kb=0',
      '/api/circles/connection-check?kb=0',
      '/api/circles/connection-check?kb=256',
    ]);
    expect(figures.rttMs).toBe(40);
    // 16 chunks of 16 KB, 5 ms each: 2,097,152 bits in 80 ms.
    expect(figures.downKbps).toBeCloseTo(26_214.4);
    expect(connectionVerdict(figures)).toBe('video');
  });

  it('counts what came before the time limit when the line stalls', async () => {
    const line = fakeLine({ rttMs: 200, chunkMs: 1_000, stallAfter: 32 * 1024 });
    const figures = await measureConnection({
      signal: new AbortController().signal,
      fetcher: line.fetcher,
      now: line.now,
      downloadLimitMs: 50,
    });
    // 32 KB over two seconds and a round trip: about 131 kbit/s, too slow for voice.
    expect(figures.downKbps).toBeCloseTo(131.072);
    expect(connectionVerdict(figures)).toBe('text');
  });

  it('gives up when the server refuses', async () => {
    const refusing = (async () => new Response(null, { status: 401 })) as typeof fetch;
    await expect(
      measureConnection({ signal: new AbortController().signal, fetcher: refusing }),
    ).rejects.toThrow('401');
  });
});
