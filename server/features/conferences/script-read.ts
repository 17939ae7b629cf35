import { and, eq, isNull } from 'drizzle-orm';
import type { Script } from '../../../shared/conferences/contract.ts';
import type { PartyRole } from '../../../shared/conferences/machine.ts';
import { scriptFor } from '../../../shared/conferences/script.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { teamCase } from './access.ts';
import { languageOf } from './party-mail.ts';
import { conferenceParties } from './schema.ts';
import { settingsOf } from './settings.ts';

// GET /api/conferences/:id/script: the facilitator's guide of restorative questions, by role, for
// the roles the case's parties hold, in the order the program chose (the harmed party or the
// responsible party speaks first). For the team only: the firewall refuses it like the records.

export async function scriptOfCase(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  language: string | undefined,
): Promise<Script> {
  const { db } = context.database;
  const { conference } = await teamCase(db, actor, conferenceId, 'script');
  const { scriptOrder } = await settingsOf(db, conference.programId);
  const parties = await db
    .selectDistinct({ role: conferenceParties.role })
    .from(conferenceParties)
    .where(
      and(eq(conferenceParties.conferenceId, conferenceId), isNull(conferenceParties.removedAt)),
    );
  const roles = parties.map((party) => party.role as PartyRole);
  // A case about an officer's conduct adds the words for equal dignity.
  return scriptFor(scriptOrder, languageOf(language ?? actor.language), roles, {
    officerConduct: conference.misconduct,
  });
}
