import { IngestUsageDocument } from '../../generated/operations';
import { send } from '../../support/typed-request';
import { rowOf, sourceFacts, storedUsage } from '../ingest-usage/setup';
import { useFixtureStack } from './fixture-stack';

// The contract's IngestUsage operation through the gateway over HTTP, with its typed document.

describe('IngestUsage through the gateway', () => {
  const { db, stack, fixture } = useFixtureStack();

  const records = [
    { sourceId: 't-acme-jp', licenseType: 'BASIC' as const, date: '2026-05-01', consumed: 12 },
    { sourceId: 't-acme-jp', licenseType: 'BASIC' as const, date: '2026-05-02', consumed: -3 },
    { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL' as const, date: '2026-05-01', consumed: 1 },
  ];

  it('stores a collector batch and reports what it did', async () => {
    const { status, data, errors } = await send(
      stack,
      IngestUsageDocument,
      { records },
      'u-uc-acme',
    );
    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data?.ingestUsage).toEqual({
      accepted: 1,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { index: 1, code: 'NEGATIVE_COUNT', message: expect.stringContaining('consumed') },
        { index: 2, code: 'UNKNOWN_SOURCE', message: expect.stringContaining('cl-umb-1') },
      ],
    });
    expect(await storedUsage(db.ds, ['t-acme-jp'])).toContain(
      rowOf(records[0], sourceFacts(fixture, 't-acme-jp')),
    );
    const again = await send(stack, IngestUsageDocument, { records }, 'u-uc-acme');
    expect(again.data?.ingestUsage).toMatchObject({ accepted: 1, inserted: 0, unchanged: 1 });
  });

  it('refuses a read-only admin with FORBIDDEN and nothing else', async () => {
    const { data, errors } = await send(stack, IngestUsageDocument, { records }, 'u-ro-acme');
    expect(data).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses more than 5,000 records with BAD_USER_INPUT', async () => {
    const many = Array.from({ length: 5001 }, () => records[0]);
    const { data, errors } = await send(stack, IngestUsageDocument, { records: many }, 'u-uc-acme');
    expect(data).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors?.[0].message).toContain('at most 5000');
  });
});
