// A resident who joins by a shareable link gives no email address. The people table needs a
// unique one, so they get an address under RFC 2606's reserved `.invalid` domain, which no mail
// can ever reach. It is never shown and never mailed: check with `isPlaceholderEmail`.
const PLACEHOLDER_EMAIL_DOMAIN = '.invalid';

export const placeholderEmailFor = (personId: string): string =>
  `joined-${personId}@people${PLACEHOLDER_EMAIL_DOMAIN}`;

export const isPlaceholderEmail = (email: string): boolean =>
  email.trim().toLowerCase().endsWith(PLACEHOLDER_EMAIL_DOMAIN);
