import { createHmac } from 'node:crypto';
import type { IceServer } from '../../../shared/circles/protocol.ts';
import type { Config } from '../../config.ts';

// The STUN and TURN servers a circle's browsers use to reach each other. A TURN login is made
// for each connection from coturn's shared secret (its "REST API" scheme: the user name is the
// login's expiry and who it is for, the password that name's HMAC), so no lasting password is
// ever sent to a browser. See docs/operators.md.

/** How long a TURN login lasts: longer than any circle. */
export const TURN_LOGIN_SECONDS = 12 * 60 * 60;

export function iceServersFor(
  config: Pick<Config, 'STUN_URLS' | 'TURN_URLS' | 'TURN_SECRET'>,
  participantId: string,
  now = Date.now(),
): IceServer[] {
  const servers: IceServer[] = [];
  if (config.STUN_URLS.length > 0) servers.push({ urls: config.STUN_URLS });
  if (config.TURN_URLS.length > 0 && config.TURN_SECRET) {
    const username = `${Math.floor(now / 1000) + TURN_LOGIN_SECONDS}:${participantId}`;
    const credential = createHmac('sha1', config.TURN_SECRET).update(username).digest('base64');
    servers.push({ urls: config.TURN_URLS, username, credential });
  }
  return servers;
}
