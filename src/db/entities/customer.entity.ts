import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { idColumn, nameColumn } from '../columns';
import { Partner } from './partner.entity';

@Entity('customers')
@Index('idx_customers_partner_name', ['partnerId', 'name'])
export class Customer {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(idColumn('partner_id'))
  partnerId!: string;

  @ManyToOne(() => Partner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Relation<Partner>;

  @Column(nameColumn())
  name!: string;
}
