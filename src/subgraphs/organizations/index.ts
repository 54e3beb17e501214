import type { SubgraphModule } from '../../graphql/build-subgraph-schema';
import { customerLoader } from '../../graphql/visible-loaders';
import { partnerLoader } from '../../graphql/visible-loaders';
import { roleAssignmentLoader } from './loaders/role-assignments';
import { userLoader } from './loaders/users';
import { permissions } from './permissions';
import { CustomerResolver } from './resolvers/customer.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { RoleAssignmentResolver } from './resolvers/role-assignment.resolver';
import { RoleAuditResolver } from './resolvers/role-audit.resolver';
import { RoleMutationResolver } from './resolvers/role-mutation.resolver';
import { ViewerResolver } from './resolvers/viewer.resolver';

/**
 * Partner, Customer, User, RoleAssignment, `viewer`, the role mutations and the role audit log
 * (docs/architecture.md: the organizations subgraph).
 */
export const organizationsSubgraph: SubgraphModule = {
  name: 'organizations',
  resolvers: [
    ViewerResolver,
    PartnerResolver,
    CustomerResolver,
    RoleAssignmentResolver,
    RoleMutationResolver,
    RoleAuditResolver,
  ],
  referenceResolvers: {
    Partner: (ref, ctx) => partnerLoader(ctx).load(ref.id),
    Customer: (ref, ctx) => customerLoader(ctx).load(ref.id),
    User: (ref, ctx) => userLoader(ctx).load(ref.id),
    RoleAssignment: (ref, ctx) => roleAssignmentLoader(ctx).load(ref.id),
  },
  permissions,
};
