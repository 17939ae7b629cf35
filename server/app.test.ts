import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from './testing/test-app.ts';

let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
  // Routes that exist only here, to see how the platform answers input errors and failures.
  const api = test.app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/test/echo',
    { schema: { body: z.object({ name: z.string().min(2), age: z.number().int().min(0) }) } },
    async (request) => request.body,
  );
  api.get('/api/test/crash', async () => {
    throw new Error('connection string postgres://secret@db leaked');
  });
});

afterAll(async () => {
  await test.close();
});

describe('the HTTP platform', () => {
  it('reads the installation from the database at GET /api/about', async () => {
    const response = await test.app.inject('/api/about');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      product: 'Restorativ',
      languages: ['en', 'es'],
      installedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it('answers /health, and /ready once the database and the bus answer', async () => {
    expect((await test.app.inject('/health')).json()).toEqual({ status: 'ok' });
    const ready = await test.app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', bus: 'ok' } });
  });

  it('says it is not ready once shutdown begins, so the load balancer stops sending requests', async () => {
    test.context.lifecycle.shuttingDown = true;
    try {
      const ready = await test.app.inject('/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().status).toBe('not ready');
    } finally {
      test.context.lifecycle.shuttingDown = false;
    }
  });

  it('should answer 400 with a message for each invalid field', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: 'A', age: -3 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.title).toBe('Some fields need attention');
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'age',
      'name',
    ]);
    for (const error of problem.errors) expect(error.message).toEqual(expect.any(String));
  });

  it('should answer 400, not 500, to a body that is not JSON', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/JSON/);
    expect(response.json().errors).toEqual([{ field: '', message: expect.stringMatching(/JSON/) }]);
  });

  it('should answer 500 without any internal detail when something breaks', async () => {
    const response = await test.app.inject('/api/test/crash');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('postgres://');
    expect(response.body).not.toContain('at ');
    expect(response.json()).toMatchObject({
      title: 'Something went wrong on our side',
      requestId: response.headers['x-request-id'],
    });
  });

  it('answers an unknown API path with a 404 problem, not the web app', async () => {
    const response = await test.app.inject('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('There is nothing at GET /api/no-such-thing.');
  });

  it('serves the web app for any other page path, so the client router decides', async () => {
    const response = await test.app.inject('/circles/some/deep/link');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<title>Restorativ</title>');
  });

  it('answers a missing asset with 404, so an old page after a redeploy notices', async () => {
    const response = await test.app.inject('/assets/page-0ld.js');
    expect(response.statusCode).toBe(404);
    expect((await test.app.inject('/favicon-missing.svg')).statusCode).toBe(404);
  });

  it('sends a strict Content-Security-Policy and no framing', async () => {
    const response = await test.app.inject('/');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('makes its own request id, ignoring one that a client sends when not behind a proxy', async () => {
    const made = await test.app.inject({ url: '/health', headers: { 'x-request-id': 'lb-42' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compresses large responses for clients that accept it', async () => {
    const response = await test.app.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const document = (await test.app.inject('/api/openapi.json')).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/about'].get.responses['200']).toBeDefined();
    const docs = await test.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('exposes Prometheus metrics with request durations by route pattern', async () => {
    await test.app.inject('/api/about');
    const metrics = (await test.app.inject('/metrics')).body;
    expect(metrics).toContain('restorativ_http_request_duration_seconds_count');
    expect(metrics).toMatch(/route="\/api\/about"/);
    expect(metrics).toContain('restorativ_process_cpu_user_seconds_total');
  });
});
