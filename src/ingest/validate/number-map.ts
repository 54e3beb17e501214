// A map from whole numbers to numbers, kept in two typed arrays outside the JavaScript heap. The
// usage checker remembers every key of a file in one: a Map of a million number keys costs about
// 60 MB of heap (every key and value a boxed double), and V8 then lets the heap grow to several
// times its live size before collecting; here the same million take 32 MB that the collector
// never scans. Hand-written because no installed library offers it.

const EMPTY = -1;
const MAX_LOAD = 0.75;

/** Spreads every bit of a key below 2^53 over the low bits of a table index (murmur3's fmix32). */
function slotOf(key: number, mask: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 4294967296) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

export class NumberMap {
  private keys: Float64Array;
  private values: Float64Array;
  private count = 0;

  /** @param capacity a power of two */
  constructor(capacity = 1 << 12) {
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** @param key a whole number from 0 to 2^53 - 1 */
  get(key: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const stored = this.keys[slot];
      if (stored === key) return this.values[slot];
      if (stored === EMPTY) return undefined;
    }
  }

  /** @param key a whole number from 0 to 2^53 - 1 */
  set(key: number, value: number): void {
    if (this.count + 1 > this.keys.length * MAX_LOAD) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const stored = this.keys[slot];
      if (stored === EMPTY) {
        this.keys[slot] = key;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (stored === key) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.values = new Float64Array(keys.length * 2);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.set(keys[i], values[i]);
  }
}
