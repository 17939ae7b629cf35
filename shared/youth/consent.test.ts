import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyConsent,
  type ConsentCommand,
  type ConsentEvent,
  decideConsent,
  mayTakePart,
  noConsent,
} from './consent.ts';

// The consent rules over random runs of requests, answers and withdrawals at rising times,
// checked against a plain reading of the events: no activity without a current consent, a
// withdrawal that counts at once, and a guardian's answer that cannot be given twice.

const DAY_MS = 86_400_000;

const step = fc.record({
  after: fc.integer({ min: 0, max: 40 * DAY_MS }),
  kind: fc.constantFrom('request', 'give', 'decline', 'withdraw'),
  version: fc.integer({ min: 1, max: 3 }),
  validDays: fc.integer({ min: 1, max: 60 }),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Runs the steps through the machine; returns the events kept and the last moment. */
function run(steps: Step[], currentVersion: number) {
  let state = noConsent;
  let at = 0;
  const events: ConsentEvent[] = [];
  const refusals: { command: ConsentCommand; refusal: string; before: typeof state }[] = [];
  for (const one of steps) {
    at += one.after;
    const command: ConsentCommand =
      one.kind === 'request'
        ? { type: 'request', version: one.version, validDays: one.validDays, at }
        : { type: one.kind, at };
    const decision = decideConsent(state, command, currentVersion);
    if (decision.ok) {
      events.push(decision.event);
      state = applyConsent(state, decision.event);
    } else {
      refusals.push({ command, refusal: decision.refusal, before: state });
    }
  }
  return { state, at, events, refusals };
}

/** The plain reading: the last request, answered yes, not withdrawn since, current, not expired. */
function holdsByReading(events: ConsentEvent[], now: number, currentVersion: number): boolean {
  const lastRequest = events.findLastIndex((event) => event.type === 'requested');
  const request = events[lastRequest];
  if (request?.type !== 'requested' || request.version !== currentVersion) return false;
  const after = events.slice(lastRequest + 1);
  const given = after.find((event) => event.type === 'given');
  if (given?.type !== 'given') return false;
  if (after.some((event) => event.type === 'withdrawn' || event.type === 'declined')) return false;
  return now < given.at + request.validDays * DAY_MS;
}

describe('a guardian’s consent', () => {
  it('lets a young person take part only while a current consent holds', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 90 * DAY_MS }),
        (steps, currentVersion, later) => {
          const { state, at, events } = run(steps, currentVersion);
          for (const now of [at, at + later]) {
            expect(mayTakePart(state, now, currentVersion)).toBe(
              holdsByReading(events, now, currentVersion),
            );
          }
        },
      ),
    );
  });

  it('takes a withdrawal into account at once, and an answer only once per request', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let state = noConsent;
        let at = 0;
        for (const one of steps) {
          at += one.after;
          const command: ConsentCommand =
            one.kind === 'request'
              ? { type: 'request', version: 1, validDays: one.validDays, at }
              : { type: one.kind, at };
          const decision = decideConsent(state, command, 1);
          const answered = state.status === 'given' || state.status === 'declined';
          if ((command.type === 'give' || command.type === 'decline') && answered) {
            expect(decision).toEqual({ ok: false, refusal: 'already_answered' });
          }
          if (!decision.ok) continue;
          state = applyConsent(state, decision.event);
          if (decision.event.type === 'withdrawn') expect(mayTakePart(state, at, 1)).toBe(false);
        }
      }),
    );
  });

  it('asks again for a new consent text, and refuses a request while one waits', () => {
    const requested = applyConsent(noConsent, {
      type: 'requested',
      version: 1,
      validDays: 365,
      at: 0,
    });
    expect(
      decideConsent(requested, { type: 'request', version: 1, validDays: 365, at: 1 }, 1),
    ).toEqual({ ok: false, refusal: 'already_requested' });
    // Newer words replace a request still waiting: the guardian answers what is true now.
    expect(
      decideConsent(requested, { type: 'request', version: 2, validDays: 365, at: 1 }, 2),
    ).toMatchObject({ ok: true, event: { type: 'requested', version: 2 } });
    const given = applyConsent(requested, { type: 'given', at: 10, expiresAt: 10 + 365 * DAY_MS });
    expect(mayTakePart(given, 20, 1)).toBe(true);
    // The program's text changed to version 2: the consent to version 1 no longer counts.
    expect(mayTakePart(given, 20, 2)).toBe(false);
    expect(
      decideConsent(given, { type: 'request', version: 2, validDays: 365, at: 30 }, 2),
    ).toMatchObject({ ok: true, event: { type: 'requested', version: 2 } });
    expect(decideConsent(noConsent, { type: 'give', at: 1 }, 1)).toEqual({
      ok: false,
      refusal: 'not_requested',
    });
    expect(
      decideConsent(noConsent, { type: 'request', version: 0, validDays: 365, at: 1 }, 1),
    ).toEqual({ ok: false, refusal: 'bad_request' });
  });
});
