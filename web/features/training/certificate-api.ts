import type { CertificateCheck } from '../../../shared/training/contract.ts';
import { api } from '../../app/api.ts';

// The public check of a certificate by its code: no one needs to sign in.

export const certificateKey = (code: string) => ['training', 'certificate', code] as const;

export function fetchCertificate(code: string, signal?: AbortSignal) {
  return api<CertificateCheck>(`/api/certificates/${encodeURIComponent(code)}`, { signal });
}
