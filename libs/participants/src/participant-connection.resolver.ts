import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { ParticipantConnection } from './models/participant.model';
import { ParticipantsService } from './participants.service';

/** totalCount is a COUNT(*) over the filter: run only when the client selects it. */
@Resolver(() => ParticipantConnection)
export class ParticipantConnectionResolver {
  constructor(private readonly participants: ParticipantsService) {}

  @ResolveField(() => Int)
  totalCount(connection: ParticipantConnection): Promise<number> {
    return this.participants.count(connection.filter);
  }
}
