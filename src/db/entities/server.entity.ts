import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { enumColumn, idColumn } from '../columns';
import { ServerRole } from '../enums';
import { UsageSource } from './usage-source.entity';

@Entity('servers')
@Index('uq_servers_cluster_hostname', ['clusterId', 'hostname'], { unique: true })
@Index('idx_servers_customer', ['customerId'])
export class Server {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @Column(idColumn('cluster_id'))
  clusterId!: string;

  @ManyToOne(() => UsageSource, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: Relation<UsageSource>;

  @Column(idColumn('customer_id'))
  customerId!: string;

  @Column({ name: 'hostname', type: 'varchar', length: 253 })
  hostname!: string;

  @Column(enumColumn('role', ServerRole))
  role!: ServerRole;
}
