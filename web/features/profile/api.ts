import { type ProfileResponse, profileResponse } from '../../../shared/profile/contract.ts';
import { api } from '../../app/api.ts';

/** The person signed in and their roles; an `ApiError` with status 401 when no one is. */
export function fetchProfile(signal?: AbortSignal): Promise<ProfileResponse> {
  return api('/api/me', { schema: profileResponse, signal });
}
