import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, TURN_LOGIN_SECONDS } from './ice.ts';

describe('the STUN and TURN servers a browser is given', () => {
  const now = Date.UTC(2026, 10, 27, 18, 0, 0);
  const secret = 'a secret shared with coturn';

  it('gives none without settings: browsers on one network reach each other directly', () => {
    expect(iceServersFor({ STUN_URLS: [], TURN_URLS: [] }, 'ana', now)).toEqual([]);
  });

  it('gives each participant a TURN login that coturn checks with its secret and that expires', () => {
    const [stun, turn] = iceServersFor(
      {
        STUN_URLS: ['stun:stun.city.example'],
        TURN_URLS: ['turn:turn.city.example'],
        TURN_SECRET: secret,
      },
      'ana',
      now,
    );
    expect(stun).toEqual({ urls: ['stun:stun.city.example'] });
    const expiry = now / 1000 + TURN_LOGIN_SECONDS;
    expect(turn?.username).toBe(`${expiry}:ana`);
    // coturn's use-auth-secret: the password is the base64 HMAC-SHA1 of the user name.
    expect(turn?.credential).toBe(
      createHmac('sha1', secret).update(`${expiry}:ana`).digest('base64'),
    );
    const other = iceServersFor(
      { STUN_URLS: [], TURN_URLS: ['turn:turn.city.example'], TURN_SECRET: secret },
      'ben',
      now,
    );
    expect(other[0]?.credential).not.toBe(turn?.credential);
  });
});
