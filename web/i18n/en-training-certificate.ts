import type { CertificateStatus } from '../../shared/training/contract.ts';

// The English words of a certificate's public check.

const status = {
  valid: 'This certificate is valid',
  expired: 'This certificate has expired',
  revoked: 'This certificate was withdrawn',
} satisfies Record<CertificateStatus, string>;

export const trainingCertificateEn = {
  title: 'Check a training certificate',
  status,
  validUntil: 'It is valid until {{date}}.',
  noExpiry: 'It does not expire.',
  expiredOn: 'It was valid until {{date}}. The holder needs to take the course again to renew it.',
  revokedNote: 'The organisation that issued it has withdrawn it. It no longer counts.',
  learner: 'Issued to',
  course: 'Course',
  organisation: 'Run by',
  completed: 'Completed on',
  code: 'Certificate code',
  notFound: 'No certificate has this code',
  malformed: 'This is not a certificate code',
  notFoundHelp:
    'Compare it with the code printed under the QR code: 16 letters and digits, in groups of four. A link that was changed, even by one character, finds nothing.',
  failed: 'We could not check this certificate just now',
  failedHelp: 'Check your connection and try again in a moment.',
  about:
    'Every certificate of completion carries a QR code and a code that lead here. This page shows what the certificate says, and nothing else about the person who holds it.',
  typeCode: 'Certificate code',
  typeCodeHelp: 'As printed on the certificate, for example ABCD-EFGH-JKLM-NPQR.',
  check: 'Check',
};
