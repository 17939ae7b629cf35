import type { TeamRole, Urgency } from '../../../shared/conferences/names.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { coordinatorsOf } from './staff.ts';

// Emails about cases name a case by its reference and nothing more: no names, no words of the
// referral. They are written in the transaction of the change they announce, so that no one
// hears of a case that was not saved.

const languageOf = (language: string): Language => (language === 'es' ? 'es' : 'en');
export const casePageFor = (publicUrl: string, conferenceId: string) =>
  `${publicUrl}/conferences/${conferenceId}`;

/** Every coordinator of the program hears of a new referral, in their own language. */
export async function tellCoordinators(
  context: AppContext,
  tx: Transaction,
  program: ProgramRunners,
  referral: { conferenceId: string; reference: string; urgency: Urgency },
): Promise<void> {
  for (const coordinator of await coordinatorsOf(tx, program)) {
    await context.mail.notify(
      {
        to: coordinator.email,
        template: 'conference-referral',
        language: languageOf(coordinator.language),
        data: {
          reference: referral.reference,
          urgency: referral.urgency,
          programName: program.name,
          link: casePageFor(context.config.publicUrl, referral.conferenceId),
        },
      },
      { tx },
    );
  }
}

/** The person put on a case's team hears which case, and in which role. */
export async function tellAssigned(
  context: AppContext,
  tx: Transaction,
  program: ProgramRunners,
  assigned: { email: string; language: string },
  conference: { id: string; reference: string; role: TeamRole },
): Promise<void> {
  await context.mail.notify(
    {
      to: assigned.email,
      template: 'conference-assigned',
      language: languageOf(assigned.language),
      data: {
        reference: conference.reference,
        role: conference.role,
        programName: program.name,
        link: casePageFor(context.config.publicUrl, conference.id),
      },
    },
    { tx },
  );
}
