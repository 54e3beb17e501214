import type { IRules } from 'graphql-shield';
import { allowAll, isAuthenticated } from '../../graphql/rules';

// Entry points need a viewer; what they return is already cut to the viewer's scope in SQL, so
// the types below them are open. Anything not named here is denied.
export const permissions: IRules = {
  Query: {
    viewer: isAuthenticated,
    partner: isAuthenticated,
    customer: isAuthenticated,
    customers: isAuthenticated,
  },
  Viewer: allowAll,
  User: allowAll,
  RoleAssignment: allowAll,
  Partner: allowAll,
  Customer: allowAll,
  CustomerConnection: allowAll,
  CustomerEdge: allowAll,
  PageInfo: allowAll,
};
