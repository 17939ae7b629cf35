import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';

// Where each confidential word of a case is sealed: the cipher's context names the table and the
// row, so that a sealed value copied into another row does not open there.

export const referralContext = (conferenceId: string) => `conference_referral:${conferenceId}`;
export const partyNameContext = (partyId: string) => `conference_party:${partyId}`;
export const partyEmailContext = (partyId: string) => `conference_party_email:${partyId}`;
export const consentSignatureContext = (consentId: string) => `conference_consent:${consentId}`;
export const withdrawalContext = (consentId: string) =>
  `conference_consent_withdrawal:${consentId}`;
export const recordContext = (recordId: string) => `conference_record:${recordId}`;
export const itemDescriptionContext = (itemId: string) => `conference_item:${itemId}`;
export const itemVerificationContext = (itemId: string) => `conference_item_verification:${itemId}`;

/** What a referrer told, sealed together in `conferences.referral_sealed`. */
export interface ReferralWords {
  summary: string;
  peopleInvolved: string;
  referrerName: string;
  referrerContact: string;
}

export const sealReferral = (cipher: FieldCipher, conferenceId: string, words: ReferralWords) =>
  cipher.encrypt(JSON.stringify(words), referralContext(conferenceId));

export function openReferral(
  cipher: FieldCipher,
  conferenceId: string,
  sealed: string,
): ReferralWords {
  const words = JSON.parse(
    cipher.decrypt(sealed, referralContext(conferenceId)),
  ) as Partial<ReferralWords>;
  return {
    summary: words.summary ?? '',
    peopleInvolved: words.peopleInvolved ?? '',
    referrerName: words.referrerName ?? '',
    referrerContact: words.referrerContact ?? '',
  };
}
