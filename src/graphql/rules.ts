import { allow, deny, rule } from 'graphql-shield';
import type { RequestContext } from './context';
import { unauthenticated } from './errors';

// Rules every subgraph shares. Caching: 'contextual' is keyed by the rule's name alone, so it is
// only used for rules that depend on nothing but the request context.

export const allowAll = allow;
export const denyAll = deny;

/** A verified token of a known user. Everything but `_service` starts here. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => (ctx.viewer ? true : unauthenticated()),
);
