import pino, { type Logger } from 'pino';

// Structured logs that never carry secrets, tokens or confidential text: credentials are
// redacted by path, and request URLs are logged without their query string, where one-time
// tokens travel.
const SECRET_KEYS = ['password', 'token', 'secret', 'totpCode', 'backupCode'];
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  // pino's wildcards reach one level each: a secret is hidden at the top and two levels down.
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, url: request.url.split('?')[0], id: request.id };
      },
    },
  });
}
