import { z } from 'zod';
import { DEFAULT_MEDIA_MESH_LIMIT } from '../shared/circles/media.ts';
import { HEARTBEAT_MS } from '../shared/circles/protocol.ts';

// Every setting Restorativ reads, from the environment, with its default. The README's table of
// settings mirrors this list; keep the two together.
const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
  .refine((value) => URL.parse(value)?.hostname, 'must name a host');

const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' });

const port = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int('must be a whole number from 0 to 65535')
  .min(0, 'must be a whole number from 0 to 65535')
  .max(65535, 'must be a whole number from 0 to 65535');

const positiveMs = z.coerce
  .number({ error: 'must be a number of milliseconds' })
  .int('must be a whole number of milliseconds')
  .positive('must be more than 0');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** A comma-separated list of STUN or TURN addresses. */
const iceUrls = (scheme: 'stun' | 'turn') =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            scheme === 'stun' ? /^stuns?:[^\s,]+$/ : /^turns?:[^\s,]+$/,
            `must be ${scheme}: addresses such as ${scheme}:${scheme}.example.org:3478, separated by commas`,
          ),
      ),
    );

/** A range of UDP ports, `40000-40999`: the low port below the high one. */
const udpPortRange = z.string().transform((value, context): [number, number] => {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(value.trim());
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || low < 1024 || high > 65535 || low >= high) {
    context.addIssue({
      code: 'custom',
      message: 'must be a range of UDP ports such as 40000-40999, from 1024 to 65535, low first',
    });
    return z.NEVER;
  }
  return [low, high];
});

const MAKE_A_KEY = 'make one with: restorativ keygen';

/** True for the standard base64 of exactly 32 bytes, the size of an AES-256 key. */
function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

const encryptionKey = z
  .string()
  .refine(isBase64Key, `must be the base64 of exactly 32 random bytes; ${MAKE_A_KEY}`);

// A key id travels inside every sealed value ("v1.<id>.…"), so it is short and has no dot.
const keyId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,16}$/, 'must be 1 to 16 letters, digits, - or _ (no dots)');

export interface PreviousKey {
  id: string;
  key: string;
}

const previousKeys = z.string().transform((value, context): PreviousKey[] => {
  const keys: PreviousKey[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    const [id = '', key = ''] = entry.split(/:(.*)/s);
    if (!keyId.safeParse(id).success || !isBase64Key(key)) {
      context.addIssue({
        code: 'custom',
        message: 'must be a comma-separated list of id:key, each key the base64 of 32 bytes',
      });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  return keys;
});

const smtpUrl = z
  .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
  .refine((value) => URL.parse(value)?.hostname, 'must name a host');

// Settings whose values are secrets: an error about them never repeats the value.
const SECRET_SETTINGS = new Set([
  'AUTH_SECRET',
  'ENCRYPTION_KEY',
  'ENCRYPTION_PREVIOUS_KEYS',
  'SMTP_URL',
  'TURN_SECRET',
]);

export const settingsSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be development, production or test',
    })
    .default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PUBLIC_URL: z.preprocess(emptyAsUnset, z.url({ error: 'must be a URL' }).optional()),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z.preprocess(emptyAsUnset, postgresUrl.optional()),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(10),
  REDIS_URL: z.preprocess(emptyAsUnset, redisUrl.optional()),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TRUST_PROXY: flag.default(false),
  METRICS_ENABLED: flag.default(true),
  SHUTDOWN_TIMEOUT_MS: positiveMs.default(10_000),
  JOBS_POLL_INTERVAL_MS: positiveMs.default(1_000),
  /** How often a live circle's connection is pinged; one that misses two pongs is closed. */
  CIRCLE_HEARTBEAT_MS: positiveMs.default(HEARTBEAT_MS),
  /** How long a participant whose connection dropped stays in the circle before they have left. */
  CIRCLE_LEAVE_AFTER_MS: positiveMs.default(60_000),
  /** STUN servers for voice and video in circles, `stun:host:port`, comma-separated. */
  STUN_URLS: z.preprocess(emptyAsUnset, iceUrls('stun').default([])),
  /** TURN servers (coturn), `turn:host:port` or `turns:host:port`, comma-separated. */
  TURN_URLS: z.preprocess(emptyAsUnset, iceUrls('turn').default([])),
  /** The secret shared with coturn (`static-auth-secret`): each browser gets a short-lived login. */
  TURN_SECRET: z.preprocess(
    emptyAsUnset,
    z.string().min(16, 'must be at least 16 characters, as set in coturn').optional(),
  ),
  /** Browsers with media a circle connects pairwise; past it, the server's unit forwards voices. */
  MEDIA_MESH_LIMIT: z.coerce
    .number({ error: 'must be a whole number of browsers' })
    .int('must be a whole number of browsers')
    .positive('must be at least 1')
    .default(DEFAULT_MEDIA_MESH_LIMIT),
  /** The UDP ports the forwarding unit takes, `low-high`; unset, any port the system gives. */
  MEDIA_RELAY_PORTS: z.preprocess(emptyAsUnset, udpPortRange.optional()),
  /** Where due days fall: a commitment is overdue from the next midnight in this zone. */
  TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be a time zone such as America/Chicago or UTC')
    .default('UTC'),
  AUTH_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .min(32, 'must be at least 32 characters (make one with: openssl rand -base64 32)')
      .optional(),
  ),
  ENCRYPTION_KEY: z.preprocess(emptyAsUnset, encryptionKey.optional()),
  ENCRYPTION_KEY_ID: keyId.default('k1'),
  ENCRYPTION_PREVIOUS_KEYS: z.preprocess(emptyAsUnset, previousKeys.default([])),
  SMTP_URL: z.preprocess(emptyAsUnset, smtpUrl.optional()),
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an address, like Restorativ <no-reply@example.org>')
    .default('Restorativ <no-reply@localhost>'),
});

export type Settings = z.infer<typeof settingsSchema>;

export interface Config extends Settings {
  /** Where people reach this server; links in emails and documents start with it. */
  publicUrl: string;
  /** 'embedded' is PGlite in DATA_DIR; 'postgresql' is the server DATABASE_URL names. */
  databaseKind: 'embedded' | 'postgresql';
}

/** A setting that stops the start: the message names the variable and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Setting values are echoed in errors; a password in a URL must not reach the logs. */
function withoutPassword(value: string): string {
  const url = URL.parse(value);
  if (!url?.password) return value;
  url.password = '***';
  return url.toString();
}

function refuse(env: NodeJS.ProcessEnv, variable: string, message: string): never {
  const given = env[variable];
  const shown =
    given === undefined
      ? 'it is not set'
      : SECRET_SETTINGS.has(variable)
        ? `got a value of ${given.length} characters, not shown`
        : `got "${withoutPassword(given)}"`;
  throw new ConfigError(`Setting ${variable} ${message} (${shown}).`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(env, String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
  }
  const settings = parsed.data;
  // Outside production a development key stands in (see platform/crypto/keys.ts); in production
  // confidential text must be sealed with a key the operator keeps.
  if (settings.NODE_ENV === 'production' && !settings.ENCRYPTION_KEY) {
    refuse(env, 'ENCRYPTION_KEY', `is required in production; ${MAKE_A_KEY}`);
  }
  if (settings.NODE_ENV === 'production' && !settings.AUTH_SECRET) {
    refuse(
      env,
      'AUTH_SECRET',
      'is required in production: it signs sign-in sessions (make one with: openssl rand -base64 32)',
    );
  }
  if (settings.TURN_URLS.length > 0 && !settings.TURN_SECRET) {
    refuse(env, 'TURN_SECRET', 'is required with TURN_URLS: it is coturn’s static-auth-secret');
  }
  const previousIds = settings.ENCRYPTION_PREVIOUS_KEYS.map((previous) => previous.id);
  if (new Set([settings.ENCRYPTION_KEY_ID, ...previousIds]).size !== previousIds.length + 1) {
    refuse(env, 'ENCRYPTION_PREVIOUS_KEYS', 'must not repeat a key id, nor ENCRYPTION_KEY_ID');
  }
  const shownHost = ['0.0.0.0', '::', '127.0.0.1'].includes(settings.HOST)
    ? 'localhost'
    : settings.HOST;
  return {
    ...settings,
    publicUrl: (settings.PUBLIC_URL ?? `http://${shownHost}:${settings.PORT}`).replace(/\/$/, ''),
    databaseKind: settings.DATABASE_URL ? 'postgresql' : 'embedded',
  };
}
