import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role, RoleAuditAction } from '../../../graphql/enums';
import { PageInfo } from '../../../graphql/page-info.type';

@ObjectType('RoleAssignmentState', {
  description: 'A role assignment as it was just before or just after a change',
})
export class RoleAssignmentState {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true })
  partnerId!: string | null;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;
}

@ObjectType('RoleAuditEntry', {
  description: 'One assignment or revocation of a role: who made it, when, before and after',
})
export class RoleAuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'When the change was made' })
  at!: Date;

  @Field(() => RoleAuditAction)
  action!: RoleAuditAction;

  @Field(() => ID, { description: 'The user who made the change' })
  actorUserId!: string;

  @Field(() => RoleAssignmentState, {
    nullable: true,
    description: 'The assignment before the change; null for ASSIGNED',
  })
  before!: RoleAssignmentState | null;

  @Field(() => RoleAssignmentState, {
    nullable: true,
    description: 'The assignment after the change; null for REVOKED',
  })
  after!: RoleAssignmentState | null;
}

@ObjectType('RoleAuditEntryEdge')
export class RoleAuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => RoleAuditEntry)
  node!: RoleAuditEntry;
}

@ObjectType('RoleAuditEntryConnection')
export class RoleAuditEntryConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [RoleAuditEntryEdge])
  edges!: RoleAuditEntryEdge[];

  @Field(() => [RoleAuditEntry])
  nodes!: RoleAuditEntry[];
}
