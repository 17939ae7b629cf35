import { aboutResponse } from '../../../shared/about/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { describeInstallation } from './service.ts';

export function registerAboutRoutes(app: ApiApp, context: AppContext): void {
  app.get(
    '/api/about',
    {
      schema: {
        summary: 'What this installation is',
        tags: ['about'],
        response: { 200: aboutResponse },
      },
    },
    () => describeInstallation(context.database.db),
  );
}
