import {
  type ConsentPreview,
  type ConsentView,
  consentAnswerResponse,
  consentPreview,
} from '../../../shared/youth/contract.ts';
import {
  type GuardianMentoring,
  guardianMentoring,
} from '../../../shared/youth/mentoring-contract.ts';
import { api } from '../../app/api.ts';

// A guardian's page needs no account: the link's token is the key, sent in the query for the
// preview (a GET, as the page loads) and in the body for an answer.

export const consentKey = (token: string) => ['youth', 'consent', token] as const;

export function fetchConsent(token: string, signal?: AbortSignal): Promise<ConsentPreview> {
  return api(`/api/consent?token=${encodeURIComponent(token)}`, { schema: consentPreview, signal });
}

export async function answerConsent(
  token: string,
  answer: 'give' | 'decline' | 'withdraw',
): Promise<ConsentView> {
  const answered = await api('/api/consent', {
    method: 'POST',
    body: { token, answer },
    schema: consentAnswerResponse,
  });
  return answered.consent;
}

export function fetchGuardianMentoring(
  token: string,
  signal?: AbortSignal,
): Promise<GuardianMentoring> {
  return api(`/api/consent/mentoring?token=${encodeURIComponent(token)}`, {
    schema: guardianMentoring,
    signal,
  });
}
