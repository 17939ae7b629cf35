import { z } from 'zod';

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
  AUTH_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .min(32, 'must be at least 32 characters (make one with: openssl rand -base64 32)')
      .optional(),
  ),
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

const SECRET_SETTINGS = new Set(['AUTH_SECRET']);

/** Setting values are echoed in errors; a password in a URL must not reach the logs. */
function withoutPassword(value: string): string {
  const url = URL.parse(value);
  if (!url?.password) return value;
  url.password = '***';
  return url.toString();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const given = env[variable];
    const shown =
      given === undefined
        ? 'it is not set'
        : SECRET_SETTINGS.has(variable)
          ? 'the value is not shown'
          : `got "${withoutPassword(given)}"`;
    throw new ConfigError(`Setting ${variable} ${issue?.message ?? 'is invalid'} (${shown}).`);
  }
  const settings = parsed.data;
  if (settings.NODE_ENV === 'production' && !settings.AUTH_SECRET) {
    throw new ConfigError(
      'Setting AUTH_SECRET is required in production: it signs sign-in sessions (make one with: openssl rand -base64 32).',
    );
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
