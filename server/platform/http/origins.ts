import type { Config } from '../../config.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a browser page at `origin` may change things here: pages of PUBLIC_URL only. A trial
 * outside production also trusts its own loopback addresses, since people open localhost,
 * 127.0.0.1 or a port chosen at start.
 */
export function isTrustedOrigin(config: Config, origin: string): boolean {
  if (origin === new URL(config.publicUrl).origin) return true;
  const host = URL.parse(origin)?.hostname;
  return config.NODE_ENV !== 'production' && host !== undefined && LOOPBACK_HOSTS.has(host);
}
