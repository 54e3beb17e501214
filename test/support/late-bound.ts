// Hooks for what a test file (or describe block) opens once in beforeAll and closes in afterAll,
// so that the file declares it in one line instead of a `let` and two hooks.

/**
 * A stand-in for a value that a hook sets up later: it can be handed out while the tests are
 * collected, and forwards every property to the value once `get` returns it. Touching it before
 * (or after a failed set-up) throws, naming `what`.
 */
export function lateBound<T extends object>(what: string, get: () => T | undefined): T {
  const current = (): T => {
    const value = get();
    if (value === undefined) {
      throw new Error(`${what} is not set up: use it inside a test or a hook that runs after it`);
    }
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const value = current();
      const property: unknown = Reflect.get(value, key, value);
      return typeof property === 'function' ? property.bind(value) : property;
    },
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(current(), key),
  });
}

/**
 * Opens a value before the tests of the enclosing describe block (the file, at top level) and
 * closes it after them; returns its stand-in.
 */
export function useForAll<T extends object>(
  what: string,
  open: () => Promise<T>,
  close: (value: T) => Promise<unknown>,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await open();
  });
  afterAll(async () => {
    if (value !== undefined) await close(value);
  });
  return lateBound(what, () => value);
}
