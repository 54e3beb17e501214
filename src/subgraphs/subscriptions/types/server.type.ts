import { Field, ObjectType } from 'type-graphql';
import { ServerRole } from '../../../graphql/enums';

@ObjectType('Server')
export class Server {
  @Field()
  hostname!: string;

  @Field(() => ServerRole)
  role!: ServerRole;

  clusterId!: string;
}
