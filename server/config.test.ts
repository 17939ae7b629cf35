import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configErrorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('settings from the environment', () => {
  it('starts with defaults on an empty environment: port 3000, embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.databaseKind).toBe('embedded');
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/restorativ' });
    expect(config.databaseKind).toBe('postgresql');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'abc'],
    [{ PORT: '70000' }, 'PORT', '70000'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', 'mysql://db/x'],
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL', 'nonsense'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL', 'http://cache'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV', 'prod'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY', 'maybe'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'loud'],
  ])('refuses %o with one line naming the setting and the value given', (env, name, value) => {
    const message = configErrorOf(env);
    expect(message).toContain(name);
    expect(message).toContain(`"${value}"`);
    expect(message).not.toContain('\n');
  });

  it('never echoes a password from a URL it refuses', () => {
    const message = configErrorOf({ DATABASE_URL: 'mysql://admin:hunter2@db/restorativ' });
    expect(message).not.toContain('hunter2');
    expect(message).toContain('mysql://admin:***@db/restorativ');
  });

  it('says what a valid value looks like', () => {
    expect(configErrorOf({ PORT: 'abc' })).toBe(
      'Setting PORT must be a whole number from 0 to 65535 (got "abc").',
    );
  });

  it('requires AUTH_SECRET in production, and never shows a secret it refuses', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(configErrorOf({ NODE_ENV: 'production', ENCRYPTION_KEY: key })).toBe(
      'Setting AUTH_SECRET is required in production: it signs sign-in sessions (make one with: openssl rand -base64 32) (it is not set).',
    );
    const short = configErrorOf({ AUTH_SECRET: 'hunter2-hunter2' });
    expect(short).toContain('AUTH_SECRET must be at least 32 characters');
    expect(short).not.toContain('hunter2');
  });

  it('takes STUN and TURN servers for voice and video, and a TURN server only with its secret', () => {
    const config = loadConfig({
      STUN_URLS: 'stun:stun.city.example:3478, stun:stun2.city.example',
      TURN_URLS: 'turns:turn.city.example:5349',
      TURN_SECRET: 'a secret shared with coturn',
    });
    expect(config.STUN_URLS).toEqual(['stun:stun.city.example:3478', 'stun:stun2.city.example']);
    expect(config.TURN_URLS).toEqual(['turns:turn.city.example:5349']);
    expect(loadConfig({}).STUN_URLS).toEqual([]);
    expect(configErrorOf({ STUN_URLS: 'https://stun.city.example' })).toContain(
      'STUN_URLS must be stun: addresses such as stun:stun.example.org:3478',
    );
    expect(configErrorOf({ TURN_URLS: 'turn:turn.city.example' })).toBe(
      'Setting TURN_SECRET is required with TURN_URLS: it is coturn’s static-auth-secret (it is not set).',
    );
    const short = configErrorOf({ TURN_URLS: 'turn:t.example', TURN_SECRET: 'hunter2' });
    expect(short).toContain('TURN_SECRET must be at least 16 characters');
    expect(short).not.toContain('hunter2');
  });

  it('takes the mesh limit for voice and video, and the forwarding unit’s UDP ports', () => {
    expect(loadConfig({}).MEDIA_MESH_LIMIT).toBe(6);
    expect(loadConfig({}).MEDIA_RELAY_PORTS).toBeUndefined();
    const config = loadConfig({ MEDIA_MESH_LIMIT: '3', MEDIA_RELAY_PORTS: '40000-40999' });
    expect(config.MEDIA_MESH_LIMIT).toBe(3);
    expect(config.MEDIA_RELAY_PORTS).toEqual([40000, 40999]);
    expect(configErrorOf({ MEDIA_MESH_LIMIT: '0' })).toBe(
      'Setting MEDIA_MESH_LIMIT must be at least 1 (got "0").',
    );
    expect(configErrorOf({ MEDIA_MESH_LIMIT: 'six' })).toContain(
      'MEDIA_MESH_LIMIT must be a whole number of browsers',
    );
    expect(configErrorOf({ MEDIA_MESH_LIMIT: '2.5' })).toContain('must be a whole number');
    expect(configErrorOf({ MEDIA_RELAY_PORTS: '40999-40000' })).toContain(
      'MEDIA_RELAY_PORTS must be a range of UDP ports such as 40000-40999',
    );
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseKind).toBe('embedded');
  });

  it('takes PUBLIC_URL as the address people reach, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://rj.example.org/' }).publicUrl).toBe(
      'https://rj.example.org',
    );
  });
});
