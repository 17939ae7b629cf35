import pino from 'pino';
import { z } from 'zod';
import type { Config } from '../../server/config.ts';
import { initialise } from '../../server/features/setup/service.ts';
import { ConflictError } from '../../server/platform/errors.ts';
import { closeRuntime, openRuntime } from '../../server/runtime.ts';
import { organisationKinds, organisationName } from '../../shared/organisations/contract.ts';
import { SETUP_LINK_HOURS } from '../../shared/setup/contract.ts';

const initOptions = z.object({
  org: organisationName,
  kind: z.enum(organisationKinds, {
    error: `--kind must be one of ${organisationKinds.join(', ')}`,
  }),
  'admin-email': z.email('--admin-email must be an email address'),
  'admin-name': z.string().trim().min(1, '--admin-name must not be empty'),
});

export type InitArguments = Partial<Record<keyof z.infer<typeof initOptions>, string>>;

/** `restorativ init`: the first organisation and its admin, who chooses a password by link. */
export async function initCommand(config: Config, args: InitArguments): Promise<number> {
  const parsed = initOptions.safeParse({ ...args, 'admin-name': args['admin-name'] ?? 'Admin' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      console.error(`${issue.path[0] === 'org' ? '--org: ' : ''}${issue.message}`);
    }
    console.error(
      'Usage: restorativ init --org NAME --kind KIND --admin-email EMAIL [--admin-name NAME]',
    );
    return 2;
  }
  const options = parsed.data;
  const context = await openRuntime(config, pino({ level: 'silent' }));
  try {
    const token = await initialise(context.database.db, context.auth, {
      organisationName: options.org,
      kind: options.kind,
      adminEmail: options['admin-email'],
      adminName: options['admin-name'],
    });
    console.log(`Created ${options.org} and its admin, ${options['admin-email'].toLowerCase()}.`);
    console.log(
      `Send the admin this one-time link to choose a password (valid ${SETUP_LINK_HOURS} hours):\n\n  ${config.publicUrl}/setup#${token}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    console.error(`${error.message} Nothing was changed.`);
    return 2;
  } finally {
    await closeRuntime(context);
  }
}
