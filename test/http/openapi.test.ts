// The OpenAPI document is generated from the same schemas that validate requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

describe('GET /api/openapi.json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('is a public OpenAPI 3 document with every route, schema and the session scheme', async () => {
    const res = await h.api('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/customers/{id}',
        '/tickets/{number}',
        '/tasks/due',
        '/users/{id}/password',
        '/audit',
      ]),
    );
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Customer', 'Ticket', 'Task', 'User', 'Error']),
    );
    const createTicket = doc.paths['/tickets'].post;
    const body = createTicket.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['type', 'subject']));
    expect(body.properties.type.enum).toContain('rescue');
    expect(createTicket.security).toEqual([{ session: [] }]);
    expect(Object.keys(createTicket.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
  });

  it('marks required every query parameter a GET refuses to go without', async () => {
    const doc = (await h.api('GET', '/api/openapi.json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[] } }>;
    };
    const drift: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const query = (item.get?.parameters ?? []).filter((p) => p.in === 'query');
      if (path.includes('{') || query.length === 0) continue;
      const res = await h.as('admin', 'GET', `/api${path}`);
      if (res.status !== 400 || !Array.isArray(res.body.issues)) continue;
      for (const issue of res.body.issues as { path: string; message: string }[]) {
        const name = issue.path.replace(/^query\./, '');
        const declared = query.find((p) => p.name === name);
        if (declared && !declared.required && /^is required/.test(issue.message))
          drift.push(`${path} ${name}`);
      }
    }
    expect(drift).toEqual([]);
  });
});
