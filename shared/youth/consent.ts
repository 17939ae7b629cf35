// A guardian's consent for a young person under 18 to take part in a youth program, as a pure
// machine: the server decides each command on the events so far and stores the event; every
// youth activity asks `mayTakePart` first. The rules:
// - a request names the consent text's version and how many days the consent will last once
//   given; the guardian answers it once (a link used twice is refused);
// - a consent counts only while it is given, not past its expiry, and of the program's current
//   version: a new text needs a new consent, and its request replaces one still waiting;
// - a guardian may withdraw at any time, which takes effect at once; a new request starts over;
// - a young person of 18 or more needs no guardian, and the machine is not asked.

export type ConsentStatus = 'none' | 'requested' | 'given' | 'declined' | 'withdrawn';

export interface ConsentState {
  status: ConsentStatus;
  /** The version of the consent text asked about or agreed to. */
  version: number | null;
  /** How long a consent lasts once given, from the request. */
  validDays: number | null;
  /** Milliseconds since the epoch; set once given. */
  givenAt: number | null;
  expiresAt: number | null;
}

export const noConsent: ConsentState = {
  status: 'none',
  version: null,
  validDays: null,
  givenAt: null,
  expiresAt: null,
};

export type ConsentCommand =
  | { type: 'request'; version: number; validDays: number; at: number }
  | { type: 'give'; at: number }
  | { type: 'decline'; at: number }
  | { type: 'withdraw'; at: number };

export type ConsentEvent =
  | { type: 'requested'; version: number; validDays: number; at: number }
  | { type: 'given'; at: number; expiresAt: number }
  | { type: 'declined'; at: number }
  | { type: 'withdrawn'; at: number };

export type ConsentRefusal =
  /** A guardian's link answered already: the answer stands until a new request. */
  | 'already_answered'
  | 'not_requested'
  | 'not_given'
  /** A request while one waits, or while a consent is current: nothing to ask. */
  | 'already_requested'
  | 'bad_request';

export type ConsentDecision =
  | { ok: true; event: ConsentEvent }
  | { ok: false; refusal: ConsentRefusal };

const DAY_MS = 86_400_000;

/** Whether the consent holds at `now` for the program's current consent text. */
export function mayTakePart(state: ConsentState, now: number, currentVersion: number): boolean {
  return (
    state.status === 'given' &&
    state.version === currentVersion &&
    state.expiresAt !== null &&
    now < state.expiresAt
  );
}

export function decideConsent(
  state: ConsentState,
  command: ConsentCommand,
  currentVersion: number,
): ConsentDecision {
  switch (command.type) {
    case 'request': {
      if (!Number.isInteger(command.version) || command.version < 1) {
        return { ok: false, refusal: 'bad_request' };
      }
      if (!Number.isInteger(command.validDays) || command.validDays < 1) {
        return { ok: false, refusal: 'bad_request' };
      }
      // A request for the same words waits already; one for newer words replaces it.
      if (state.status === 'requested' && state.version === command.version) {
        return { ok: false, refusal: 'already_requested' };
      }
      if (mayTakePart(state, command.at, currentVersion)) {
        return { ok: false, refusal: 'already_requested' };
      }
      return {
        ok: true,
        event: {
          type: 'requested',
          version: command.version,
          validDays: command.validDays,
          at: command.at,
        },
      };
    }
    case 'give':
    case 'decline': {
      if (state.status === 'none') return { ok: false, refusal: 'not_requested' };
      if (state.status !== 'requested') return { ok: false, refusal: 'already_answered' };
      if (command.type === 'decline')
        return { ok: true, event: { type: 'declined', at: command.at } };
      return {
        ok: true,
        event: {
          type: 'given',
          at: command.at,
          expiresAt: command.at + (state.validDays ?? 0) * DAY_MS,
        },
      };
    }
    case 'withdraw': {
      if (state.status !== 'given') return { ok: false, refusal: 'not_given' };
      return { ok: true, event: { type: 'withdrawn', at: command.at } };
    }
  }
}

export function applyConsent(state: ConsentState, event: ConsentEvent): ConsentState {
  switch (event.type) {
    case 'requested':
      return {
        status: 'requested',
        version: event.version,
        validDays: event.validDays,
        givenAt: null,
        expiresAt: null,
      };
    case 'given':
      return { ...state, status: 'given', givenAt: event.at, expiresAt: event.expiresAt };
    case 'declined':
      return { ...state, status: 'declined' };
    case 'withdrawn':
      return { ...state, status: 'withdrawn', expiresAt: null };
  }
}

export const foldConsent = (events: readonly ConsentEvent[]): ConsentState =>
  events.reduce(applyConsent, noConsent);
