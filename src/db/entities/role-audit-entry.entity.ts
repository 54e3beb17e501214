import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { enumColumn, idColumn } from '../columns';
import { Role } from '../enums';

export enum RoleAuditAction {
  ASSIGNED = 'ASSIGNED',
  REVOKED = 'REVOKED',
}

/**
 * One change of a role assignment: who did it, to which assignment, when, and the assignment
 * before and after (JSON; null on the side where it did not exist). Rows are only ever inserted.
 * No foreign keys: the record must outlive the assignment, the users and the scope it names.
 * The id grows with every entry, which gives the log its order (entries made within one millisecond
 * included). `partner_id` is always set (for a customer-scoped role, the customer's partner as stored when
 * the change was made), so that reading a partner's log is one indexed predicate.
 */
@Entity('role_audit_log')
@Index('idx_role_audit_log_partner', ['partnerId', 'id'])
@Index('idx_role_audit_log_customer', ['customerId', 'id'])
export class RoleAuditEntry {
  @PrimaryGeneratedColumn('increment', { name: 'id' })
  id!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column(idColumn('actor_user_id'))
  actorUserId!: string;

  @Column(enumColumn('action', RoleAuditAction))
  action!: RoleAuditAction;

  @Column(idColumn('assignment_id'))
  assignmentId!: string;

  @Column(idColumn('user_id'))
  userId!: string;

  @Column(enumColumn('role', Role))
  role!: Role;

  @Column(idColumn('partner_id'))
  partnerId!: string;

  @Column({ ...idColumn('customer_id'), nullable: true })
  customerId!: string | null;

  @Column({ name: 'before_state', type: 'text', nullable: true })
  beforeState!: string | null;

  @Column({ name: 'after_state', type: 'text', nullable: true })
  afterState!: string | null;
}
