import { NumberMap } from '../../../src/ingest/validate/number-map';

describe('NumberMap', () => {
  it('keeps what a Map keeps, through growth, for keys up to 2^53 - 1', () => {
    const map = new NumberMap(4);
    const reference = new Map<number, number>();
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 50_000; i++) {
      const key = i % 7 === 0 ? Number.MAX_SAFE_INTEGER - i : next() * 2 ** 21 + (next() % 2 ** 21);
      const value = i * 2 ** 24 + (next() % 10_000_000);
      map.set(key, value);
      reference.set(key, value);
    }
    expect(map.size).toBe(reference.size);
    for (const [key, value] of reference) expect(map.get(key)).toBe(value);
    expect(map.get(0)).toBeUndefined();
    expect(map.get(2 ** 52 + 1)).toBeUndefined();
  });

  it('replaces the value of a key set again', () => {
    const map = new NumberMap();
    map.set(0, 1);
    map.set(0, 2);
    expect([map.size, map.get(0)]).toEqual([1, 2]);
  });
});
