import type { CaseDetail, caseCommandBody } from '../../../shared/conferences/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { teamCase } from './access.ts';
import { announceAgreement } from './announce-agreement.ts';
import { withStep } from './command.ts';
import { caseDetail } from './read.ts';

// A step of the workflow taken by the case team (screening, acceptance, routing back, the
// conference held, the agreement confirmed, closure and reopening). The workflow's own guards
// decide it: a refusal is a 409 with the workflow's code and words, audited, and changes
// nothing. Each event it appends is written to the audit trail with it.

/** POST /api/conferences/:id/transitions: the case as it stands after the step. */
export async function runTransition(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  command: (typeof caseCommandBody)['_output'],
): Promise<CaseDetail> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'transitions');
  await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    // The parties and the team hear of a confirmed agreement only if the confirmation holds.
    if (command.type === 'confirm_agreement') await announceAgreement(context, tx, conferenceId);
  });
  return caseDetail(context, access, actor);
}
