// The contexts the field cipher binds each sealed text of a party's part of a case to: the
// table and the row, so that a sealed value copied to another row does not open there.

export const partyNameContext = (partyId: string) => `conference_party:${partyId}`;
export const partyEmailContext = (partyId: string) => `conference_party_email:${partyId}`;
export const consentSignatureContext = (consentId: string) => `conference_consent:${consentId}`;
export const withdrawalContext = (consentId: string) =>
  `conference_consent_withdrawal:${consentId}`;
export const recordContext = (recordId: string) => `conference_record:${recordId}`;
export const itemDescriptionContext = (itemId: string) => `conference_item:${itemId}`;
export const itemVerificationContext = (itemId: string) => `conference_item_verification:${itemId}`;
