import packageJson from '../../../package.json' with { type: 'json' };
import { type AboutResponse, supportedLanguages } from '../../../shared/about/contract.ts';
import type { Database } from '../../platform/db/connection.ts';
import { installedAt } from '../../platform/instance/service.ts';

export async function describeInstallation(db: Database): Promise<AboutResponse> {
  return {
    product: 'Restorativ',
    version: packageJson.version,
    languages: [...supportedLanguages],
    installedAt: (await installedAt(db)) ?? null,
  };
}
