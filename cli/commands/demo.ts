import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { Config } from '../../server/config.ts';
import { seedCirclesDemo } from '../../server/features/circles/demo.ts';
import { seedCommitmentsDemo } from '../../server/features/commitments/demo.ts';
import { seedConferencesDemo } from '../../server/features/conferences/demo.ts';
import { seedDialoguesDemo } from '../../server/features/dialogues/demo.ts';
import { seedInvitationsDemo } from '../../server/features/invitations/demo.ts';
import { seedMeasurementDemo } from '../../server/features/measurement/demo.ts';
import { seedOrganisationsDemo } from '../../server/features/organisations/demo.ts';
import { anyOrganisationExists } from '../../server/features/organisations/service.ts';
import { seedTrainingDemo } from '../../server/features/training/demo.ts';
import { seedYouthDemo } from '../../server/features/youth/demo.ts';
import { closeRuntime, openRuntime } from '../../server/runtime.ts';

// `restorativ demo`: a believable organisation in an empty database, so that a first look at
// `npm start` shows the product at work. Each feature adds its part here, in order.

const roleNames: Record<string, string> = {
  org_admin: 'organisation admin',
  oversight_reviewer: 'oversight reviewer',
  professional_standards: 'professional standards',
};

/** A password for every demo account, made for this run: never a default one. */
function demoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}

export async function demoCommand(config: Config): Promise<number> {
  if (config.NODE_ENV === 'production') {
    console.error('The demo is for trying Restorativ out; it does not run in production.');
    return 2;
  }
  const context = await openRuntime(config, pino({ level: 'silent' }));
  try {
    if (await anyOrganisationExists(context.database.db)) {
      console.error(
        'This database has organisations already; the demo fills only an empty one.\n' +
          'Try it in a data directory of its own: DATA_DIR=./demo-data npm run restorativ -- demo',
      );
      return 2;
    }
    const password = demoPassword();
    const world = await seedOrganisationsDemo(context, password);
    const invitations = await seedInvitationsDemo(context, world);
    await seedCommitmentsDemo(context, world);
    const circles = await seedCirclesDemo(context, world);
    const conferences = await seedConferencesDemo(context, world, password);
    const dialogue = await seedDialoguesDemo(context, world);
    const measurement = await seedMeasurementDemo(context, world);
    const training = await seedTrainingDemo(context, world);
    const youth = await seedYouthDemo(context, world, password);

    const width = Math.max(...world.accounts.map((account) => account.email.length));
    console.log(`The demo is ready: ${world.community.name} and ${world.agency.name}.\n`);
    console.log('Staff accounts (each sets up an authenticator app at first sign-in):');
    for (const account of world.accounts) {
      console.log(
        `  ${account.email.padEnd(width)}  ${roleNames[account.role] ?? account.role}, ${account.where}`,
      );
    }
    console.log(`\nPassword for every demo account: ${password}`);
    console.log(`\nA resident invitation link, still open:\n  ${invitations.openResidentLink}`);
    console.log(`\nThe join link of tomorrow's listening circle:\n  ${circles.nextJoinLink}`);
    console.log(
      `\nThe public referral form of the conferences about police conduct:\n  ${conferences.referralLink}`,
    );
    console.log(
      `\nThe guided dialogue on traffic stops, open for statements and votes:\n  ${config.publicUrl}/dialogues/${dialogue.dialogueId}`,
    );
    console.log(
      `\nThe community pulse on safety and trust, for anyone to answer:\n  ${measurement.pulseUrl}`,
    );
    console.log(
      `\nThe trust dashboard of the listening circles:\n  ${config.publicUrl}/programs/${world.circles.id}/measurement?kind=pulse`,
    );
    console.log(
      `\nThe winter patrol's de-escalation training, as its supervisors read it:\n  ${config.publicUrl}/courses/${training.reportCourseId}/report`,
    );
    console.log(
      `\nA guardian's consent page in the youth program, waiting for her answer:\n  ${youth.waitingGuardianLink}`,
    );
    console.log(
      `\nThe page of Jayden, the young person she is asked about:\n  ${youth.waitingYouthLink}`,
    );
    console.log(
      `\nThe page of Maya, who writes to her officer mentor (her coordinator reads along):\n  ${youth.mentoredYouthLink}`,
    );
    console.log(
      `\nThe public accountability register, open to anyone:\n  ${config.publicUrl}/register/organisations/${world.community.id}`,
    );
    console.log(`\nStart the server with \`npm start\` and sign in at ${config.publicUrl}/sign-in`);
    return 0;
  } finally {
    await closeRuntime(context);
  }
}
