import { Column, Entity, PrimaryColumn } from 'typeorm';
import { idColumn, nameColumn } from '../columns';

@Entity('partners')
export class Partner {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(nameColumn())
  name!: string;
}
