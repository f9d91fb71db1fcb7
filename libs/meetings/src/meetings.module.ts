import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@accord/audit';
import { DraftingModule } from '@accord/drafting';
import { ParticipantsModule } from '@accord/participants';
import { ActionItemEntity } from './action-items/action-item.entity';
import { ActionItemFieldsResolver } from './action-items/action-item-fields.resolver';
import { ActionItemsRepository } from './action-items/action-items.repository';
import { ActionItemsResolver } from './action-items/action-items.resolver';
import { ActionItemsService } from './action-items/action-items.service';
import { AgendaController } from './agendas/agenda.controller';
import { AgendaDownloadsService } from './agendas/agenda-downloads.service';
import { AgendaEntity } from './agendas/agenda.entity';
import { AgendaFieldsResolver } from './agendas/agenda-fields.resolver';
import { AgendaItemFieldsResolver } from './agendas/agenda-item-fields.resolver';
import { AgendaStateService } from './agendas/agenda-state.service';
import { AgendasRepository } from './agendas/agendas.repository';
import { AgendasResolver } from './agendas/agendas.resolver';
import { AgendasService } from './agendas/agendas.service';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationFieldsResolver } from './invitations/invitation-fields.resolver';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';
import { ActionItemsByDueMeetingLoader } from './action-items/action-items-by-due-meeting.loader';
import { ClauseRefByIdLoader } from './agendas/clause-ref-by-id.loader';
import { HostsByMeetingLoader } from './meetings/hosts-by-meeting.loader';
import { InvitationsByMeetingLoader } from './invitations/invitations-by-meeting.loader';
import { LatestAgendaLoader } from './agendas/latest-agenda.loader';
import { MeetingByIdLoader } from './meetings/meeting-by-id.loader';
import { NextMeetingLoader } from './meetings/next-meeting.loader';
import { PublishedAgendaLoader } from './agendas/published-agenda.loader';
import { MeetingFieldsResolver } from './meetings/meeting-fields.resolver';
import { MeetingHostEntity } from './meetings/meeting-host.entity';
import { MeetingEntity } from './meetings/meeting.entity';
import { MeetingsRepository } from './meetings/meetings.repository';
import { MeetingsResolver } from './meetings/meetings.resolver';
import { MeetingsService } from './meetings/meetings.service';
import { ParticipantDirectory } from './meetings/participant-directory';

export const MEETING_ENTITIES = [
  MeetingEntity,
  MeetingHostEntity,
  InvitationEntity,
  ActionItemEntity,
  AgendaEntity,
];

const REPOSITORIES = [
  MeetingsRepository,
  InvitationsRepository,
  ActionItemsRepository,
  AgendasRepository,
];

const SERVICES = [
  ParticipantDirectory,
  MeetingsService,
  InvitationsService,
  ActionItemsService,
  AgendaStateService,
  AgendasService,
  AgendaDownloadsService,
];

const LOADERS = [
  MeetingByIdLoader,
  NextMeetingLoader,
  HostsByMeetingLoader,
  InvitationsByMeetingLoader,
  ActionItemsByDueMeetingLoader,
  LatestAgendaLoader,
  PublishedAgendaLoader,
  ClauseRefByIdLoader,
];

const RESOLVERS = [
  MeetingsResolver,
  MeetingFieldsResolver,
  InvitationFieldsResolver,
  ActionItemsResolver,
  ActionItemFieldsResolver,
  AgendasResolver,
  AgendaFieldsResolver,
  AgendaItemFieldsResolver,
];

/** SIGNATORIES_LOOKUP comes from the (global) signatures module, which depends on this one. */
@Module({
  imports: [
    TypeOrmModule.forFeature(MEETING_ENTITIES),
    AuditModule,
    ParticipantsModule,
    DraftingModule,
  ],
  controllers: [AgendaController],
  providers: [...REPOSITORIES, ...SERVICES, ...LOADERS, ...RESOLVERS],
  exports: [
    MeetingByIdLoader,
    MeetingsService,
    InvitationsService,
    ActionItemsService,
    AgendasService,
    AgendaDownloadsService,
  ],
})
export class MeetingsModule {}
