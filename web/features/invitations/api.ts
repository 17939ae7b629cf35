import {
  type AcceptInvitationRequest,
  acceptInvitationResponse,
  type InvitationPreview,
  invitationPreview,
} from '../../../shared/invitations/contract.ts';
import { api } from '../../app/api.ts';

export const previewKey = (token: string) => ['invitations', 'preview', token] as const;

/** What an invitation offers, before anyone commits to anything. */
export function fetchPreview(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return api(`/api/invitations/preview?token=${encodeURIComponent(token)}`, {
    schema: invitationPreview,
    signal,
  });
}

/** Joins (and signs in: the server sets the session cookie). */
export function acceptInvitation(body: AcceptInvitationRequest) {
  return api('/api/invitations/accept', { body, schema: acceptInvitationResponse });
}
