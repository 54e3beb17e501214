import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn } from '../columns';

@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
export class User {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column({ name: 'email', type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;
}
