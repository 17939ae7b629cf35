/**
 * Residents who join by link give no address; their account holds a made-up one under the
 * reserved `.invalid` domain (RFC 2606), which no mail can reach and which is never shown.
 */
export function isPlaceholderEmail(email: string): boolean {
  return email.toLowerCase().endsWith('.invalid');
}
