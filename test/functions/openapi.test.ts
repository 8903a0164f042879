import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/src/routes';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import { apiClient, asRecord } from '../support/http';

let stack: Stack;
let document: Record<string, unknown>;

beforeAll(async () => {
  stack = await startStack();
  const response = await apiClient(stack.apiUrl).get('/openapi.json');
  expect(response.status).toBe(200);
  document = asRecord(response.body);
});
afterAll(async () => {
  await stack.stop();
});

describe('GET /openapi.json', () => {
  it('is valid OpenAPI 3.1 whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('lists every route of the route table, and nothing else', () => {
    const paths = asRecord(document.paths);
    const listed = Object.entries(paths).flatMap(([path, operations]) => Object.keys(asRecord(operations)).map((method) => `${method.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual(routes.map((route) => `${route.method} /${route.path}`).sort());
    for (const route of routes) {
      const operation = asRecord(asRecord(paths[`/${route.path}`])[route.method.toLowerCase()]);
      expect(operation.operationId).toBe(route.name);
      const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared).toEqual(pathParameters);
    }
  });

  it('describes the bodies with the zod schemas (member: required fields and the id pattern)', () => {
    const schemas = asRecord(asRecord(document.components).schemas);
    const member = asRecord(schemas.MemberInput);
    expect(member.required).toEqual(['id', 'name', 'kind', 'feeClass', 'joinedOn']);
    expect(asRecord(asRecord(member.properties).id).pattern).toBe('^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$');
    expect(asRecord(asRecord(asRecord(schemas.ReimbursementInput).properties).function).enum).toEqual(['RSIB', 'RKK']);
  });

  it('documents rule= on the computed routes, with the id pattern, and their 404 and 422', () => {
    const paths = asRecord(document.paths);
    for (const path of ['/fees', '/fees/{memberId}', '/budget']) {
      const operation = asRecord(asRecord(paths[path]).get);
      const rule = (operation.parameters as { name: string; in: string; required: boolean; schema: { pattern?: string } }[]).find((p) => p.name === 'rule');
      expect(rule, path).toMatchObject({ in: 'query', required: false, schema: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$' } });
      const responses = asRecord(operation.responses);
      expect(String(asRecord(responses['404']).description), path).toContain('unknown-fee-rule');
      expect(String(asRecord(responses['422']).description), path).toContain('rule-not-effective');
    }
  });

  it('has function names the Functions host accepts, each once', () => {
    const names = routes.map((route) => route.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]{0,127}$/);
  });
});
