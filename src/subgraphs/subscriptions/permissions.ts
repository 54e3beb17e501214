import type { IRules } from 'graphql-shield';
import { allowAll, isAuthenticated } from '../../graphql/rules';

// Entry points need a viewer; what they return is already cut to the viewer's scope in SQL, so
// the types below them are open. Anything not named here is denied.
export const permissions: IRules = {
  Query: {
    subscription: isAuthenticated,
    cluster: isAuthenticated,
    tenant: isAuthenticated,
  },
  Customer: allowAll,
  LicenseSubscription: allowAll,
  Entitlement: allowAll,
  UsageSource: allowAll,
  Cluster: allowAll,
  Tenant: allowAll,
  Server: allowAll,
};
