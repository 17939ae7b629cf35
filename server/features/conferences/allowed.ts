import type { CaseCommandBody } from '../../../shared/conferences/contract.ts';
import {
  type CaseCommand,
  type CaseCommandType,
  type CaseState,
  decide,
  outcomesFrom,
} from '../../../shared/conferences/machine.ts';

// Which steps of the transitions route the workflow would take now, so that the case page offers
// only those. Each is asked of `decide` itself with plausible arguments (a reason given, the
// favourable answer, every outcome the stage allows), so that this list and the guards never
// disagree; the words of a refusal are for when someone tries anyway.

type TransitionType = CaseCommandBody['type'];

const REASON = 'reason';

const tries: Record<TransitionType, (state: CaseState) => CaseCommand[]> = {
  begin_screening: () => [{ type: 'begin_screening' }],
  record_eligibility: () => [{ type: 'record_eligibility', eligible: true, reason: REASON }],
  record_safety: () => [{ type: 'record_safety', safe: true, voluntary: true }],
  accept: () => [{ type: 'accept' }],
  route_back: () => [{ type: 'route_back', reason: REASON }],
  record_held: () => [{ type: 'record_held' }],
  begin_agreement: () => [{ type: 'begin_agreement' }],
  confirm_agreement: () => [{ type: 'confirm_agreement' }],
  close: (state) =>
    outcomesFrom(state.stage).map((outcome) => ({ type: 'close', outcome, reason: REASON })),
  reopen: () => [{ type: 'reopen', reason: REASON }],
};

/** The transitions that `decide` accepts in this state, in the workflow's order. */
export function allowedTransitions(state: CaseState): CaseCommandType[] {
  const stamp = { at: state.updatedAt, by: '' };
  return (Object.keys(tries) as TransitionType[]).filter((type) =>
    tries[type](state).some((command) => 'events' in decide(state, command, stamp)),
  );
}
