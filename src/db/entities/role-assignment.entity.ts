import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { enumColumn, idColumn } from '../columns';
import { Role } from '../enums';
import { Customer } from './customer.entity';
import { Partner } from './partner.entity';
import { User } from './user.entity';

/**
 * A role held by a user on a partner or on a customer. Revoking deletes the row: only assignments
 * in force are kept here, so loading a viewer's scope is one indexed lookup.
 */
@Entity('role_assignments')
@Index('uq_role_assignments_user_role_scope', ['userId', 'role', 'scopeKey'], { unique: true })
@Index('idx_role_assignments_partner', ['partnerId'])
@Index('idx_role_assignments_customer', ['customerId'])
export class RoleAssignment {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(idColumn('user_id'))
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column(enumColumn('role', Role))
  role!: Role;

  @Column({ ...idColumn('partner_id'), nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Relation<Partner>;

  @Column({ ...idColumn('customer_id'), nullable: true })
  customerId!: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<Customer>;

  /**
   * "partner:<id>" or "customer:<id>". A unique key over nullable partner/customer columns would
   * not hold (NULLs never collide), so the scope is spelled once more in a non-null column.
   */
  @Column({ name: 'scope_key', type: 'varchar', length: 80 })
  scopeKey!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
