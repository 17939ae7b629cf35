import type { z } from 'zod';
import {
  type SetupStatus,
  type setupPasswordRequest,
  type setupRequest,
  setupResponse,
  setupStatus,
} from '../../../shared/setup/contract.ts';
import { api } from '../../app/api.ts';

export type SetupBody = z.input<typeof setupRequest>;
export type SetupPasswordBody = z.input<typeof setupPasswordRequest>;
export type SetupResult = z.infer<typeof setupResponse>;

export const setupStatusKey = (token: string) => ['setup', 'status', token] as const;

/** What the link allows: the setup form, choosing a password, or nothing (expired or used). */
export function fetchSetupStatus(token: string, signal?: AbortSignal): Promise<SetupStatus> {
  return api(`/api/setup/status?token=${encodeURIComponent(token)}`, {
    schema: setupStatus,
    signal,
  });
}

/** Creates the first organisation and its admin. */
export function completeSetup(body: SetupBody): Promise<SetupResult> {
  return api('/api/setup', { body, schema: setupResponse });
}

/** The admin that `restorativ init` created chooses a password. */
export function chooseAdminPassword(body: SetupPasswordBody): Promise<SetupResult> {
  return api('/api/setup/password', { body, schema: setupResponse });
}
