import { useLocation } from 'react-router';

/**
 * The token of a link, from the address's #fragment: a browser never sends the fragment to a
 * server, so the token stays out of every log on the way. The page posts it in a request body.
 */
export function useLinkToken(): string {
  const { hash } = useLocation();
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/** Whether a token has the shape the API takes (shared/conferences/contract.ts `linkToken`). */
export const looksLikeToken = (token: string) => token.length >= 16 && token.length <= 128;
