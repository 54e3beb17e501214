import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType, parse } from 'graphql';
import type { ObjectTypeDefinitionNode } from 'graphql';
import { signToken } from '../../../src/auth/sign-token';
import { API_FILE, schemaDir } from '../../../src/schema/schema-files';
import { GATEWAY_HEADERS, TEST_JWT } from '../../support/stack';
import type { GraphQLBody } from '../../support/stack';
import { MATRIX, VIEWERS } from './authorization-matrix';
import type { MatrixIds, MatrixRow, Outcome, Viewer } from './authorization-matrix';
import { useFixtureStack } from './fixture-stack';
import { matrixSchedule } from './matrix-schedule';

// Runs every cell of the authorization matrix (authorization-matrix.ts) and proves the matrix
// covers the schema: each root field, mutation, entity type of each subgraph and Partner field.

const SUBGRAPHS = ['organizations', 'subscriptions', 'usage'] as const;
const api = buildSchema(fs.readFileSync(path.join(schemaDir(), API_FILE), 'utf8'));

/** Every surface the schema has that the matrix must cover. */
function schemaSurfaces(): string[] {
  const surfaces: string[] = [];
  for (const root of [api.getQueryType(), api.getMutationType()]) {
    for (const field of Object.keys(root?.getFields() ?? {}))
      surfaces.push(`${root!.name}.${field}`);
  }
  const partner = api.getType('Partner');
  if (isObjectType(partner)) {
    for (const field of Object.keys(partner.getFields())) {
      if (field !== 'id' && field !== 'name') surfaces.push(`Partner.${field}`);
    }
  }
  for (const subgraph of SUBGRAPHS) {
    const sdl = parse(fs.readFileSync(path.join(schemaDir(), `${subgraph}.graphql`), 'utf8'));
    for (const definition of sdl.definitions) {
      const type = definition as ObjectTypeDefinitionNode;
      if (type.directives?.some((d) => d.name.value === 'key')) {
        surfaces.push(`${subgraph}._entities.${type.name.value}`);
      }
    }
  }
  return surfaces.sort();
}

function inSchema(surface: string): boolean {
  const [typeName, field] = surface.split('.');
  const type = api.getType(typeName);
  if (surface.includes('._entities.')) return schemaSurfaces().includes(surface);
  return isObjectType(type) && field in type.getFields();
}

const ROWS = MATRIX.filter((row) => !row.pending || inSchema(row.surface));

function classify(body: GraphQLBody, at: MatrixRow['path']): Outcome | string {
  const code = body.errors?.[0]?.extensions?.code;
  if (code !== undefined) {
    const short: Record<string, Outcome> = {
      FORBIDDEN: 'F',
      UNAUTHENTICATED: 'U',
      BAD_USER_INPUT: 'B',
    };
    return short[String(code)] ?? String(code);
  }
  let value: unknown = body.data;
  for (const key of at) value = (value as Record<string | number, unknown> | null)?.[key];
  if (value === null || value === undefined) return 'N';
  return Array.isArray(value) && value.length === 0 ? 'N' : 'D';
}

describe('authorization matrix', () => {
  const { db, stack } = useFixtureStack();
  let ids: MatrixIds;
  const headers = new Map<Viewer, Record<string, string>>();

  beforeAll(async () => {
    const [fullAdmin] = await db.ds.query(
      `SELECT id FROM role_assignments WHERE user_id = 'u-fa-acme' AND role = 'FULL_ADMIN'`,
    );
    ids = { lastFullAdminOfAcme: fullAdmin.id };
    for (const viewer of VIEWERS) await matrixSchedule(db.ds, `rs-matrix-${viewer}`);
    for (const viewer of VIEWERS) {
      const token =
        viewer === 'anonymous' ? null : await signToken({ userId: viewer, ttl: '10m' }, TEST_JWT);
      headers.set(viewer, token ? { authorization: `Bearer ${token}` } : {});
    }
  });

  it('has a row for every root field, mutation, entity type and Partner field of the schema', () => {
    const rows = ROWS.map((row) => row.surface).sort();
    expect({ missingRows: schemaSurfaces().filter((s) => !rows.includes(s)) }).toEqual({
      missingRows: [],
    });
    expect({ rowsNotInSchema: rows.filter((s) => !inSchema(s)) }).toEqual({ rowsNotInSchema: [] });
    for (const row of MATRIX)
      expect([row.surface, row.expect.split(/\s+/).length]).toEqual([row.surface, VIEWERS.length]);
  });

  async function ask(row: MatrixRow, viewer: Viewer): Promise<GraphQLBody> {
    const url = row.via === 'gateway' ? stack.gatewayUrl : stack.stack.servers[row.via]!.url;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...GATEWAY_HEADERS, ...headers.get(viewer) },
      body: JSON.stringify({ query: row.query, variables: row.variables?.(ids, viewer) ?? {} }),
    });
    return (await response.json()) as GraphQLBody;
  }

  it.each(ROWS.map((row) => [row.surface, row] as const))('%s', async (_surface, row) => {
    const outcomes = await Promise.all(
      VIEWERS.map(async (viewer) => classify(await ask(row, viewer), row.path)),
    );
    const expected = row.expect.split(/\s+/);
    // Shown viewer by viewer, so that a failure names the cell.
    expect(Object.fromEntries(VIEWERS.map((v, i) => [v, outcomes[i]]))).toEqual(
      Object.fromEntries(VIEWERS.map((v, i) => [v, expected[i]])),
    );
  });

  it('wrote nothing while the matrix ran', async () => {
    const [assignments] = await db.ds.query('SELECT COUNT(*) AS n FROM role_assignments');
    const [audit] = await db.ds.query('SELECT COUNT(*) AS n FROM role_audit_log');
    expect({ assignments: Number(assignments.n), audit: Number(audit.n) }).toEqual({
      assignments: 10,
      audit: 0,
    });
  });
});
