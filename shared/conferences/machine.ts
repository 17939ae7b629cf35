// A conference case's workflow as a pure fold over its events. The server asks `decide` whether
// a command may happen in the state so far; a refusal carries the reason a coordinator reads,
// and nothing changes. The events it returns are appended (and written to the audit trail), and
// the case page folds the same events into its timeline. Nothing here reads a clock or a
// database: times come in on the events.
//
// The rules, from the practice: a case moves referral → screening → preparation → conference
// scheduled → conference held → agreement → monitoring → closed, and may be reopened. Nobody is
// brought to a conference without their recorded consent, and anyone may withdraw it at any
// time, which pauses the case until they give it again or leave the case. A misconduct case
// needs an oversight reviewer's sign-off on its screening decision and on its closure. A case
// is not closed while agreement items are open unless the closure says why.

export const caseStages = [
  'referral',
  'screening',
  'preparation',
  'scheduled',
  'held',
  'agreement',
  'monitoring',
  'closed',
] as const;
export type CaseStage = (typeof caseStages)[number];

export const outcomes = [
  'completed',
  'partly_completed',
  'not_completed',
  'no_conference',
] as const;
export type Outcome = (typeof outcomes)[number];

export const partyRoles = [
  'harmed',
  'responsible',
  'supporter',
  'community_rep',
  'police_rep',
] as const;
export type PartyRole = (typeof partyRoles)[number];

export type ConsentStatus = 'none' | 'given' | 'withdrawn';
export type ItemStatus = 'open' | 'done' | 'not_done';
export type SignOffStage = 'screening' | 'closure';

export const REASON_MAX = 1_000;

/** What happened, without its stamp: `decide` returns these, stamped with when and by whom. */
export type CaseEventBody =
  | { type: 'referred'; misconduct: boolean }
  | { type: 'screening_begun' }
  | { type: 'eligibility_recorded'; eligible: boolean; reason: string }
  | { type: 'safety_recorded'; safe: boolean; voluntary: boolean }
  | { type: 'signed_off'; stage: SignOffStage; approved: boolean; comment: string }
  | { type: 'accepted' }
  | { type: 'party_added'; partyId: string; role: PartyRole }
  | { type: 'party_removed'; partyId: string; reason: string }
  | { type: 'consent_given'; partyId: string; version: string }
  | { type: 'consent_withdrawn'; partyId: string; reason: string }
  | { type: 'scheduled'; startsAt: string; mode: 'in_person' | 'online' }
  | { type: 'held' }
  | { type: 'agreement_begun' }
  | { type: 'item_added'; itemId: string }
  | { type: 'item_removed'; itemId: string; reason: string }
  | { type: 'item_settled'; itemId: string; status: 'done' | 'not_done'; reason: string }
  | { type: 'item_reopened'; itemId: string; reason: string }
  | { type: 'agreement_confirmed' }
  | { type: 'closure_requested'; outcome: Outcome; reason: string }
  | { type: 'closed'; outcome: Outcome; reason: string }
  | { type: 'reopened'; to: CaseStage; reason: string };
export type CaseEvent = { at: string; by: string } & CaseEventBody;
export type CaseEventType = CaseEvent['type'];

export interface PartyState {
  role: PartyRole;
  consent: ConsentStatus;
  removed: boolean;
}

export interface CaseState {
  stage: CaseStage;
  misconduct: boolean;
  parties: Record<string, PartyState>;
  /** What screening found; null until it is recorded. */
  eligibility: { eligible: boolean; reason: string } | null;
  safety: { safe: boolean; voluntary: boolean } | null;
  /** The oversight reviewer's latest word at each stage; a new decision clears it. */
  signOff: Record<SignOffStage, { approved: boolean; comment: string } | null>;
  items: Record<string, ItemStatus>;
  scheduledAt: string | null;
  /** A closure waiting for the oversight reviewer (misconduct cases only). */
  pendingClosure: { outcome: Outcome; reason: string } | null;
  outcome: { outcome: Outcome; reason: string } | null;
  /** The stage a closed case was closed from: reopening goes back there. */
  closedFrom: CaseStage | null;
  updatedAt: string;
}

export type CaseCommand =
  | { type: 'begin_screening' }
  | { type: 'record_eligibility'; eligible: boolean; reason: string }
  | { type: 'record_safety'; safe: boolean; voluntary: boolean }
  | { type: 'sign_off'; stage: SignOffStage; approved: boolean; comment: string }
  | { type: 'accept' }
  | { type: 'route_back'; reason: string }
  | { type: 'add_party'; partyId: string; role: PartyRole }
  | { type: 'remove_party'; partyId: string; reason: string }
  | { type: 'give_consent'; partyId: string; version: string }
  | { type: 'withdraw_consent'; partyId: string; reason: string }
  | { type: 'schedule'; startsAt: string; mode: 'in_person' | 'online' }
  | { type: 'record_held' }
  | { type: 'begin_agreement' }
  | { type: 'add_item'; itemId: string }
  | { type: 'remove_item'; itemId: string; reason: string }
  | { type: 'settle_item'; itemId: string; status: 'done' | 'not_done'; reason: string }
  | { type: 'reopen_item'; itemId: string; reason: string }
  | { type: 'confirm_agreement' }
  | { type: 'close'; outcome: Outcome; reason: string }
  | { type: 'reopen'; reason: string };
export type CaseCommandType = CaseCommand['type'];

/** Why a command is refused: a code pages translate, and the words the API answers with. */
export interface CaseRefusal {
  code:
    | 'wrong_stage'
    | 'paused'
    | 'consent_missing'
    | 'parties_missing'
    | 'screening_incomplete'
    | 'not_eligible'
    | 'not_safe'
    | 'sign_off_missing'
    | 'nothing_to_sign_off'
    | 'reason_required'
    | 'reason_too_long'
    | 'unknown_party'
    | 'party_exists'
    | 'already_consented'
    | 'no_consent_to_withdraw'
    | 'unknown_item'
    | 'item_exists'
    | 'item_settled'
    | 'item_open'
    | 'no_items'
    | 'items_open'
    | 'outcome_does_not_fit'
    | 'closure_pending';
  message: string;
}

export type Decision = { events: CaseEvent[] } | { refused: CaseRefusal };

const STAGE_ORDER: Record<CaseStage, number> = Object.fromEntries(
  caseStages.map((stage, index) => [stage, index]),
) as Record<CaseStage, number>;

/** Stages before the conference is held: the only ones a case closes from with no conference. */
const beforeConference = new Set<CaseStage>(['referral', 'screening', 'preparation', 'scheduled']);

export function initialState(misconduct: boolean, at: string): CaseState {
  return {
    stage: 'referral',
    misconduct,
    parties: {},
    eligibility: null,
    safety: null,
    signOff: { screening: null, closure: null },
    items: {},
    scheduledAt: null,
    pendingClosure: null,
    outcome: null,
    closedFrom: null,
    updatedAt: at,
  };
}

/** The parties still on the case. */
export function activeParties(state: CaseState): [string, PartyState][] {
  return Object.entries(state.parties).filter(([, party]) => !party.removed);
}

/** A case waits while someone on it has withdrawn their consent. */
export function isPaused(state: CaseState): boolean {
  return (
    state.stage !== 'closed' && activeParties(state).some(([, p]) => p.consent === 'withdrawn')
  );
}

export function openItems(state: CaseState): string[] {
  return Object.entries(state.items)
    .filter(([, status]) => status === 'open')
    .map(([id]) => id);
}

/** Which outcomes a case may close with from a stage. */
export function outcomesFrom(stage: CaseStage): readonly Outcome[] {
  if (beforeConference.has(stage)) return ['no_conference'];
  if (stage === 'held' || stage === 'agreement') return ['not_completed'];
  if (stage === 'monitoring') return ['completed', 'partly_completed', 'not_completed'];
  return [];
}

export function apply(state: CaseState | null, event: CaseEvent): CaseState {
  if (event.type === 'referred') return initialState(event.misconduct, event.at);
  if (!state) throw new Error(`A case begins with its referral, not ${event.type}.`);
  const next: CaseState = { ...state, updatedAt: event.at };
  switch (event.type) {
    case 'screening_begun':
      return { ...next, stage: 'screening' };
    case 'eligibility_recorded':
      // A new decision needs a new sign-off: the reviewer signs what they read.
      return {
        ...next,
        eligibility: { eligible: event.eligible, reason: event.reason },
        signOff: { ...next.signOff, screening: null },
      };
    case 'safety_recorded':
      return {
        ...next,
        safety: { safe: event.safe, voluntary: event.voluntary },
        signOff: { ...next.signOff, screening: null },
      };
    case 'signed_off':
      return {
        ...next,
        signOff: {
          ...next.signOff,
          [event.stage]: { approved: event.approved, comment: event.comment },
        },
        pendingClosure: event.stage === 'closure' && !event.approved ? null : next.pendingClosure,
      };
    case 'accepted':
      return { ...next, stage: 'preparation' };
    case 'party_added':
      return {
        ...next,
        parties: {
          ...next.parties,
          [event.partyId]: { role: event.role, consent: 'none', removed: false },
        },
      };
    case 'party_removed':
      return withParty(next, event.partyId, { removed: true });
    case 'consent_given':
      return withParty(next, event.partyId, { consent: 'given' });
    case 'consent_withdrawn':
      return withParty(next, event.partyId, { consent: 'withdrawn' });
    case 'scheduled':
      return { ...next, stage: 'scheduled', scheduledAt: event.startsAt };
    case 'held':
      return { ...next, stage: 'held' };
    case 'agreement_begun':
      return { ...next, stage: 'agreement' };
    case 'item_added':
      return { ...next, items: { ...next.items, [event.itemId]: 'open' } };
    case 'item_removed': {
      const { [event.itemId]: _removed, ...items } = next.items;
      return { ...next, items };
    }
    case 'item_settled':
      return { ...next, items: { ...next.items, [event.itemId]: event.status } };
    case 'item_reopened':
      return { ...next, items: { ...next.items, [event.itemId]: 'open' } };
    case 'agreement_confirmed':
      return { ...next, stage: 'monitoring' };
    case 'closure_requested':
      return {
        ...next,
        pendingClosure: { outcome: event.outcome, reason: event.reason },
        signOff: { ...next.signOff, closure: null },
      };
    case 'closed':
      return {
        ...next,
        stage: 'closed',
        closedFrom: next.stage,
        outcome: { outcome: event.outcome, reason: event.reason },
        pendingClosure: null,
      };
    case 'reopened':
      return {
        ...next,
        stage: event.to,
        outcome: null,
        closedFrom: null,
        // A case screened again is signed off again: the reviewer has not read why it reopened.
        signOff: {
          screening: event.to === 'screening' ? null : next.signOff.screening,
          closure: null,
        },
      };
  }
}

function withParty(state: CaseState, partyId: string, change: Partial<PartyState>): CaseState {
  const party = state.parties[partyId];
  if (!party) return state;
  return { ...state, parties: { ...state.parties, [partyId]: { ...party, ...change } } };
}

export function fold(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(apply, null);
}

const refuse = (code: CaseRefusal['code'], message: string): Decision => ({
  refused: { code, message },
});

function needReason(reason: string, what: string): Decision | null {
  if (reason.trim() === '') return refuse('reason_required', `Say why ${what}.`);
  if (reason.length > REASON_MAX) {
    return refuse('reason_too_long', `Keep the reason under ${REASON_MAX} characters.`);
  }
  return null;
}

function inStage(state: CaseState, allowed: readonly CaseStage[], doing: string): Decision | null {
  if (allowed.includes(state.stage)) return null;
  return refuse('wrong_stage', `A case ${stageWords[state.stage]} cannot ${doing}.`);
}

const stageWords: Record<CaseStage, string> = {
  referral: 'that is a new referral',
  screening: 'in screening',
  preparation: 'in preparation',
  scheduled: 'with its conference scheduled',
  held: 'whose conference was held',
  agreement: 'writing its agreement',
  monitoring: 'in monitoring',
  closed: 'that is closed',
};

const notClosed: readonly CaseStage[] = caseStages.filter((stage) => stage !== 'closed');

/**
 * The commands that wait while a closure waits for the oversight reviewer: the case's stage and
 * items stand still, or the reviewer would approve a closure that no longer fits (a "no
 * conference" after the conference was held, a "completed" with an item open again).
 */
const heldForClosure = new Set<CaseCommandType>([
  'begin_screening',
  'accept',
  'route_back',
  'schedule',
  'record_held',
  'begin_agreement',
  'confirm_agreement',
  'add_item',
  'remove_item',
  'settle_item',
  'reopen_item',
]);

/** Whether `command` may happen now, and what then happened; pure. `at` and `by` stamp it. */
export function decide(
  state: CaseState,
  command: CaseCommand,
  stamp: { at: string; by: string },
): Decision {
  const done = (...events: CaseEventBody[]): Decision => ({
    events: events.map((event) => ({ ...event, ...stamp }) as CaseEvent),
  });
  if (state.pendingClosure && heldForClosure.has(command.type)) {
    return refuse(
      'closure_pending',
      'A closure is waiting for the oversight reviewer: the case stands still until they decide.',
    );
  }
  switch (command.type) {
    case 'begin_screening':
      return inStage(state, ['referral'], 'begin screening') ?? done({ type: 'screening_begun' });
    case 'record_eligibility':
      return (
        inStage(state, ['screening'], 'record eligibility') ??
        needReason(command.reason, 'the case is or is not eligible') ??
        done({ type: 'eligibility_recorded', eligible: command.eligible, reason: command.reason })
      );
    case 'record_safety':
      return (
        inStage(state, ['screening'], 'record a safety assessment') ??
        done({ type: 'safety_recorded', safe: command.safe, voluntary: command.voluntary })
      );
    case 'sign_off':
      return signOff(state, command, done);
    case 'accept': {
      const refusal = inStage(state, ['screening'], 'be accepted');
      if (refusal) return refusal;
      if (!state.eligibility || !state.safety) {
        return refuse(
          'screening_incomplete',
          'Record eligibility and the safety and voluntariness assessment first.',
        );
      }
      if (!state.eligibility.eligible) {
        return refuse('not_eligible', 'Screening found the case not eligible: route it back.');
      }
      if (!state.safety.safe || !state.safety.voluntary) {
        return refuse(
          'not_safe',
          'A conference goes ahead only when it is safe and every party comes of their own will.',
        );
      }
      if (state.misconduct && !state.signOff.screening?.approved) {
        return refuse(
          'sign_off_missing',
          'An oversight reviewer must sign off the screening of a misconduct case first.',
        );
      }
      return done({ type: 'accepted' });
    }
    case 'route_back': {
      const refusal =
        inStage(state, ['screening'], 'be routed back') ??
        needReason(command.reason, 'the case is routed back');
      if (refusal) return refusal;
      if (!state.eligibility) {
        return refuse('screening_incomplete', 'Record eligibility before routing the case back.');
      }
      if (state.misconduct && !state.signOff.screening?.approved) {
        return refuse(
          'sign_off_missing',
          'An oversight reviewer must sign off the screening of a misconduct case first.',
        );
      }
      return done({ type: 'closed', outcome: 'no_conference', reason: command.reason });
    }
    case 'add_party': {
      const refusal = inStage(state, notClosed, 'take a new party');
      if (refusal) return refusal;
      if (state.parties[command.partyId])
        return refuse('party_exists', 'This party is on the case.');
      return done({ type: 'party_added', partyId: command.partyId, role: command.role });
    }
    case 'remove_party': {
      const refusal =
        inStage(state, notClosed, 'lose a party') ??
        needReason(command.reason, 'the party leaves the case') ??
        knownParty(state, command.partyId);
      return (
        refusal ?? done({ type: 'party_removed', partyId: command.partyId, reason: command.reason })
      );
    }
    case 'give_consent': {
      const refusal =
        inStage(state, notClosed, 'record consent') ?? knownParty(state, command.partyId);
      if (refusal) return refusal;
      if (state.parties[command.partyId]?.consent === 'given') {
        return refuse('already_consented', 'This party has already consented.');
      }
      return done({ type: 'consent_given', partyId: command.partyId, version: command.version });
    }
    case 'withdraw_consent': {
      const refusal =
        inStage(state, notClosed, 'have consent withdrawn') ?? knownParty(state, command.partyId);
      if (refusal) return refusal;
      if (state.parties[command.partyId]?.consent !== 'given') {
        return refuse('no_consent_to_withdraw', 'This party has no consent to withdraw.');
      }
      return done({ type: 'consent_withdrawn', partyId: command.partyId, reason: command.reason });
    }
    case 'schedule': {
      const refusal =
        inStage(state, ['preparation', 'scheduled'], 'schedule a conference') ?? readyToMeet(state);
      return refusal ?? done({ type: 'scheduled', startsAt: command.startsAt, mode: command.mode });
    }
    case 'record_held': {
      const refusal =
        inStage(state, ['scheduled'], 'record a conference as held') ?? readyToMeet(state);
      return refusal ?? done({ type: 'held' });
    }
    case 'begin_agreement':
      return (
        inStage(state, ['held'], 'begin an agreement') ??
        notPaused(state) ??
        done({ type: 'agreement_begun' })
      );
    case 'add_item': {
      const refusal = inStage(state, ['agreement', 'monitoring'], 'take agreement items');
      if (refusal) return refusal;
      if (command.itemId in state.items) return refuse('item_exists', 'This item is recorded.');
      return done({ type: 'item_added', itemId: command.itemId });
    }
    case 'remove_item': {
      const refusal =
        inStage(state, ['agreement', 'monitoring'], 'lose agreement items') ??
        knownItem(state, command.itemId) ??
        needReason(command.reason, 'the item is removed');
      return (
        refusal ?? done({ type: 'item_removed', itemId: command.itemId, reason: command.reason })
      );
    }
    case 'settle_item': {
      const refusal =
        inStage(state, ['monitoring'], 'settle agreement items') ??
        knownItem(state, command.itemId);
      if (refusal) return refusal;
      if (state.items[command.itemId] !== 'open') {
        return refuse('item_settled', 'This item is already settled: reopen it first.');
      }
      if (command.status === 'not_done') {
        const missing = needReason(command.reason, 'the item was not done');
        if (missing) return missing;
      }
      return done({
        type: 'item_settled',
        itemId: command.itemId,
        status: command.status,
        reason: command.reason,
      });
    }
    case 'reopen_item': {
      const refusal =
        inStage(state, ['monitoring'], 'reopen agreement items') ??
        knownItem(state, command.itemId) ??
        needReason(command.reason, 'the item is reopened');
      if (refusal) return refusal;
      if (state.items[command.itemId] === 'open') return refuse('item_open', 'This item is open.');
      return done({ type: 'item_reopened', itemId: command.itemId, reason: command.reason });
    }
    case 'confirm_agreement': {
      const refusal = inStage(state, ['agreement'], 'confirm an agreement') ?? notPaused(state);
      if (refusal) return refusal;
      if (Object.keys(state.items).length === 0) {
        return refuse('no_items', 'An agreement needs at least one item.');
      }
      return done({ type: 'agreement_confirmed' });
    }
    case 'close':
      return close(state, command, done);
    case 'reopen': {
      const refusal =
        inStage(state, ['closed'], 'be reopened') ??
        needReason(command.reason, 'the case is reopened');
      if (refusal) return refusal;
      return done({ type: 'reopened', to: reopensTo(state), reason: command.reason });
    }
  }
}

type Done = (...events: CaseEventBody[]) => Decision;

function signOff(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'sign_off' }>,
  done: Done,
): Decision {
  if (!state.misconduct) {
    return refuse('nothing_to_sign_off', 'Only a misconduct case asks for an oversight sign-off.');
  }
  if (!command.approved) {
    const missing = needReason(command.comment, 'the decision is returned');
    if (missing) return missing;
  }
  if (command.stage === 'screening') {
    const refusal = inStage(state, ['screening'], 'have its screening signed off');
    if (refusal) return refusal;
    if (!state.eligibility || !state.safety) {
      return refuse(
        'nothing_to_sign_off',
        'Screening is not complete: eligibility and safety are signed off together.',
      );
    }
    return done({
      type: 'signed_off',
      stage: 'screening',
      approved: command.approved,
      comment: command.comment,
    });
  }
  const pending = state.pendingClosure;
  if (!pending || state.stage === 'closed') {
    return refuse('nothing_to_sign_off', 'No closure is waiting for a sign-off.');
  }
  const signed = {
    type: 'signed_off',
    stage: 'closure',
    approved: command.approved,
    comment: command.comment,
  } as const;
  return command.approved
    ? done(signed, { type: 'closed', outcome: pending.outcome, reason: pending.reason })
    : done(signed);
}

function close(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'close' }>,
  done: Done,
): Decision {
  const refusal = inStage(state, notClosed, 'be closed');
  if (refusal) return refusal;
  if (state.pendingClosure) {
    return refuse('closure_pending', 'A closure is waiting for the oversight reviewer.');
  }
  if (!outcomesFrom(state.stage).includes(command.outcome)) {
    return refuse(
      'outcome_does_not_fit',
      command.outcome === 'no_conference'
        ? 'The conference took place: choose how the agreement went.'
        : 'Without an agreement in monitoring, close with "no conference" or "not completed".',
    );
  }
  if (command.reason.length > REASON_MAX) {
    return refuse('reason_too_long', `Keep the reason under ${REASON_MAX} characters.`);
  }
  const open = openItems(state);
  if (command.outcome === 'completed' && open.length > 0) {
    return refuse('items_open', 'Items are still open: a completed case has every item done.');
  }
  const needsWords = command.outcome !== 'completed' || open.length > 0;
  if (needsWords && command.reason.trim() === '') {
    return refuse(
      open.length > 0 ? 'items_open' : 'reason_required',
      open.length > 0
        ? 'Items are still open: say why the case closes now.'
        : 'Say why the case closes with this outcome.',
    );
  }
  return state.misconduct
    ? done({ type: 'closure_requested', outcome: command.outcome, reason: command.reason })
    : done({ type: 'closed', outcome: command.outcome, reason: command.reason });
}

function reopensTo(state: CaseState): CaseStage {
  const from = state.closedFrom ?? 'preparation';
  // A case closed before or during screening is screened again; one closed before its
  // conference was held is prepared again, since the date it had may have passed.
  if (STAGE_ORDER[from] <= STAGE_ORDER.screening) return 'screening';
  return from === 'scheduled' ? 'preparation' : from;
}

function knownParty(state: CaseState, partyId: string): Decision | null {
  const party = state.parties[partyId];
  return party && !party.removed ? null : refuse('unknown_party', 'There is no such party.');
}

function knownItem(state: CaseState, itemId: string): Decision | null {
  return itemId in state.items ? null : refuse('unknown_item', 'There is no such item.');
}

function notPaused(state: CaseState): Decision | null {
  return isPaused(state)
    ? refuse('paused', 'A party withdrew their consent: the case waits until they give it again.')
    : null;
}

/** A conference needs a harmed and a responsible party, each party's consent, and no pause. */
function readyToMeet(state: CaseState): Decision | null {
  const paused = notPaused(state);
  if (paused) return paused;
  const parties = activeParties(state);
  const roles = new Set(parties.map(([, party]) => party.role));
  if (!roles.has('harmed') || !roles.has('responsible')) {
    return refuse(
      'parties_missing',
      'A conference needs at least one harmed party and the responsible party.',
    );
  }
  if (parties.some(([, party]) => party.consent !== 'given')) {
    return refuse('consent_missing', 'Every party must give their consent first.');
  }
  return null;
}
