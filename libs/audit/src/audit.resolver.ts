import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { AuditService } from './audit.service';
import { AuditEventsArgs } from './dto/audit-events.args';
import { AuditEventModel, AuditVerificationModel } from './models/audit-event.model';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEventModel], {
    description: 'Newest first; `after` is the id of the last event seen',
  })
  @Permission('audit.read')
  async auditEvents(
    @CurrentUser() actor: Actor | null,
    @Args() args: AuditEventsArgs,
  ): Promise<AuditEventModel[]> {
    const events = await this.audit.list(
      actor,
      args.first,
      args.after ?? null,
      args.entityId ?? null,
    );
    return events.map(AuditEventModel.from);
  }

  @Query(() => AuditVerificationModel)
  @Permission('audit.read')
  verifyAuditChain(@CurrentUser() actor: Actor | null): Promise<AuditVerificationModel> {
    return this.audit.verify(actor);
  }
}
