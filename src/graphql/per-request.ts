// Per-request memoisation: `const loader = perRequest((ctx) => new DataLoader(...))` gives one
// instance per request context, created on first use and collected with the context. Loaders
// never outlive a request, so nothing read under one viewer's scope serves another.

export function perRequest<Ctx extends object, T>(create: (ctx: Ctx) => T): (ctx: Ctx) => T {
  const instances = new WeakMap<Ctx, T>();
  return (ctx) => {
    let instance = instances.get(ctx);
    if (instance === undefined) {
      instance = create(ctx);
      instances.set(ctx, instance);
    }
    return instance;
  };
}
