import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTION_MAX, FRAME_MAX_LENGTH, readClientFrame } from './protocol.ts';

describe("the circle's frames", () => {
  it('reads every well-formed frame a client sends', () => {
    const circleId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    expect(readClientFrame(JSON.stringify({ kind: 'hello', circleId, lastSeq: null }))).toEqual({
      frame: { kind: 'hello', circleId, lastSeq: null },
    });
    const post = { type: 'post', messageId: 'm1', text: 'I was afraid to call.' };
    expect(
      readClientFrame(JSON.stringify({ kind: 'command', requestId: 'r1', command: post })),
    ).toEqual({ frame: { kind: 'command', requestId: 'r1', command: post } });
  });

  it('answers anything else with a problem, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc
            .record({
              kind: fc.constantFrom('hello', 'command', 'ack', 'pong', 'shout'),
              requestId: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
              command: fc.record({ type: fc.string(), text: fc.string() }),
              seq: fc.oneof(fc.integer({ min: -3 }), fc.double()),
            })
            .map((value) => JSON.stringify(value)),
        ),
        (raw) => {
          const read = readClientFrame(raw);
          if ('frame' in read) {
            // Only a pong or an ack with a whole, non-negative number can pass unchanged.
            expect(['pong', 'ack']).toContain(read.frame.kind);
          } else {
            expect(read.detail).toMatch(/\S/);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('reads a caption as trimmed words of at most 300 characters, and no empty one', () => {
    const caption = (text: string) => JSON.stringify({ kind: 'caption', text, final: true });
    expect(readClientFrame(caption('  Thank you all.\n'))).toEqual({
      frame: { kind: 'caption', text: 'Thank you all.', final: true },
    });
    expect(readClientFrame(caption(`  ${'x'.repeat(CAPTION_MAX)}  `))).toHaveProperty('frame');
    for (const text of [' \n ', 'x'.repeat(CAPTION_MAX + 1)]) {
      expect(readClientFrame(caption(text))).toMatchObject({ problem: 'bad_frame' });
    }
    expect(readClientFrame(JSON.stringify({ kind: 'caption', text: 'Hello' }))).toMatchObject({
      problem: 'bad_frame',
    });
  });

  it('refuses an oversized frame before reading it', () => {
    const huge = JSON.stringify({ kind: 'pong', padding: 'x'.repeat(FRAME_MAX_LENGTH) });
    expect(readClientFrame(huge)).toMatchObject({ problem: 'too_large' });
  });
});
