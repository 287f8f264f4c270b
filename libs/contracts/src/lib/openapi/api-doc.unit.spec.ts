import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from './openapi-document';
import { ROLES } from './operation-parts';
import type { Operation, Reference, Response } from './openapi-types';

/**
 * docs/API.md is the contract in prose; the OpenAPI document is what the server serves. These
 * checks hold the two together: the Routes table lists exactly the document's operations (with
 * their access and success status), the Errors table exactly its error codes (with the statuses
 * the document gives them), and API.md names every parameter and header the document declares.
 */
const API_MD = readFileSync(join(__dirname, '../../../../../docs/API.md'), 'utf8');
const served = JSON.parse(JSON.stringify(buildOpenApiDocument({ version: 'api-doc' }))) as ReturnType<typeof buildOpenApiDocument>;

const operations: [string, Operation][] = Object.entries(served.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
);

/** The text under `## <title>`, up to the next second-level heading. */
function section(title: string): string {
  const start = API_MD.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`docs/API.md has no "## ${title}" section`);
  const end = API_MD.indexOf('\n## ', start + 1);
  return API_MD.slice(start, end < 0 ? undefined : end);
}

/** The cells of every table row in `text`, trimmed. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** `{ missing, extra }`: what `expected` has that `actual` lacks, and the other way round. */
function difference(actual: readonly string[], expected: readonly string[]): { missing: string[]; extra: string[] } {
  return {
    missing: expected.filter((x) => !actual.includes(x)).sort(),
    extra: actual.filter((x) => !expected.includes(x)).sort(),
  };
}

/** Routes table: `METHOD /path` → [access, success] cells. */
const routeRows = new Map<string, { access: string; success: string }>();
const routeKeys: string[] = [];
for (const [method = '', path = '', access = '', success = ''] of tableRows(section('Routes'))) {
  const m = /^`([A-Z]+)`$/.exec(method);
  const p = /^`(\/[^`]*)`$/.exec(path);
  if (!m || !p) continue;
  const key = `${m[1]} ${p[1]}`;
  routeKeys.push(key);
  routeRows.set(key, { access, success });
}

/** Errors table: code → status. */
const errorRows = new Map<string, string>();
for (const [code = '', status = ''] of tableRows(section('Errors'))) {
  const c = /^`([a-z_]+)`$/.exec(code);
  if (c?.[1] && /^\d{3}$/.test(status)) errorRows.set(c[1], status);
}

const errorEnum = (served.components.schemas['ApiError']?.['properties'] as { error: { enum: string[] } }).error.enum;

/** Who may call, as the operation's description states it (`ROLES`), or `public` when it needs no key. */
function accessOf(operation: Operation): string | undefined {
  const stated = (Object.keys(ROLES) as (keyof typeof ROLES)[]).find((role) => operation.description?.includes(ROLES[role]));
  return stated ?? (operation.security.length === 0 ? 'public' : undefined);
}

describe('docs/API.md against the served OpenAPI document', () => {
  it('lists every operation of the document in its Routes table, once, and no other', () => {
    expect(routeKeys.length).toBeGreaterThan(20);
    expect(new Set(routeKeys).size).toBe(routeKeys.length);
    expect(
      difference(
        routeKeys,
        operations.map(([key]) => key),
      ),
    ).toEqual({ missing: [], extra: [] });
  });

  it("gives each route the document's access and success status", () => {
    for (const [key, operation] of operations) {
      const row = routeRows.get(key);
      const success = Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status));
      const access = accessOf(operation);
      expect({ key, success: /`(\d{3})`/.exec(row?.success ?? '')?.[1] }).toEqual({ key, success });
      if (access) expect({ key, access: row?.access.split(' ')[0] }).toEqual({ key, access });
    }
  });

  it('names no METHOD /path anywhere that the document does not have', () => {
    const named = [...API_MD.matchAll(/`(GET|HEAD|POST|PUT|PATCH|DELETE) (\/[^`\s?]*)[^`]*`/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(named.length).toBeGreaterThan(10);
    expect(
      difference(
        named,
        operations.map(([key]) => key),
      ).extra,
    ).toEqual([]);
  });

  it('lists every error code of the document in its Errors table, and no other', () => {
    expect(difference([...errorRows.keys()], errorEnum)).toEqual({ missing: [], extra: [] });
  });

  it('gives each error code the status under which the document answers it', () => {
    for (const [, operation] of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const name = (response as Partial<Reference>).$ref?.replace('#/components/responses/', '');
        const described: Response | undefined = name === undefined ? (response as Response) : served.components.responses[name];
        const codes = [...(described?.description ?? '').matchAll(/`([a-z_]+)`/g)].map((match) => match[1] ?? '');
        for (const code of codes.filter((c) => errorEnum.includes(c)))
          expect({ code, status: errorRows.get(code) }).toEqual({ code, status });
      }
    }
  });

  it('names every query parameter, header and key scheme the document declares', () => {
    const declared = new Set<string>();
    for (const [, operation] of operations) {
      for (const parameter of operation.parameters ?? []) if (parameter.in !== 'path') declared.add(parameter.name);
      for (const response of Object.values(operation.responses)) {
        for (const header of Object.keys((response as Response).headers ?? {})) declared.add(header);
      }
    }
    for (const response of Object.values(served.components.responses))
      for (const header of Object.keys(response.headers ?? {})) declared.add(header);
    for (const scheme of Object.values(served.components.securitySchemes)) if (scheme.name) declared.add(scheme.name);
    expect(declared.size).toBeGreaterThan(20);
    expect([...declared].filter((name) => !API_MD.includes(`\`${name}\``)).sort()).toEqual([]);
  });
});
