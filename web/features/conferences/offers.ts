import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import {
  type CaseCommandType,
  type CaseStage,
  caseStages,
} from '../../../shared/conferences/machine.ts';

// Which actions the case page offers. The workflow's steps (the transitions route) are offered
// when the server lists them in `allowed`: it asked the workflow itself. The commands with a
// route of their own (a party, a consent, the schedule, an item) are offered in the stages the
// workflow takes them in (machine.ts, `inStage`); whatever else stands in the way (a consent
// missing, a party paused) the server refuses with its reason, which the page shows beside the
// action, so that the team learns what to do next rather than finding no button.

const notClosed = caseStages.filter((stage) => stage !== 'closed');
const agreementStages: readonly CaseStage[] = ['agreement', 'monitoring'];

const stagesOf: Partial<Record<CaseCommandType, readonly CaseStage[]>> = {
  add_party: notClosed,
  remove_party: notClosed,
  give_consent: notClosed,
  withdraw_consent: notClosed,
  schedule: ['preparation', 'scheduled'],
  add_item: agreementStages,
  remove_item: agreementStages,
  settle_item: ['monitoring'],
  reopen_item: ['monitoring'],
};

/** What stands still while a closure waits for the oversight reviewer (machine.ts). */
const heldForClosure: ReadonlySet<CaseCommandType> = new Set([
  'schedule',
  'add_item',
  'remove_item',
  'settle_item',
  'reopen_item',
]);

/** Whether the case page offers `command` to its reader now. */
export function offers(detail: CaseDetail, command: CaseCommandType): boolean {
  if (!detail.canChange) return false;
  if (detail.allowed.includes(command)) return true;
  if (detail.pendingClosure && heldForClosure.has(command)) return false;
  return stagesOf[command]?.includes(detail.stage) ?? false;
}
