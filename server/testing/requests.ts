import { nextClientAddress } from './fuzz.ts';
import type { TestPerson } from './people.ts';
import type { TestApp } from './test-app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A request from a browser on our own pages, from an address of its own (so that rate limits
 * per address stay out of the way unless a test names one); signed in with `as`, a person or a
 * session cookie.
 */
export function send(
  test: TestApp,
  as: TestPerson | string | undefined,
  method: Method,
  url: string,
  payload?: unknown,
  remoteAddress = nextClientAddress(),
) {
  const cookie = typeof as === 'string' ? as : as?.cookie;
  return test.app.inject({
    method,
    url,
    remoteAddress,
    headers: { origin: test.context.config.publicUrl, ...(cookie ? { cookie } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
