import { Inject, Injectable } from '@nestjs/common';
import {
  DocumentStatus,
  InvitationStatus,
  SIGNATORIES_LOOKUP,
  SignatoriesLookup,
} from '@accord/common';
import { DocumentsReader } from '@accord/drafting';
import { ActionItemsRepository } from './action-items.repository';
import { ProcessState } from './agenda/agenda-builder';
import { InvitationsRepository } from './invitations.repository';
import { MeetingEntity } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';
import { ParticipantDirectory } from './participant-directory';

/** Reads the state of the process an agenda is generated from; the rules live in buildAgenda. */
@Injectable()
export class AgendaStateService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly actionItems: ActionItemsRepository,
    private readonly participants: ParticipantDirectory,
    private readonly documents: DocumentsReader,
    @Inject(SIGNATORIES_LOOKUP) private readonly signatories: SignatoriesLookup,
  ) {}

  async read(meeting: MeetingEntity): Promise<ProcessState> {
    const hosts = await this.meetings.hostsOf([meeting.id]);
    const invited = (await this.invitations.of([meeting.id])).filter(
      (i) => i.status !== InvitationStatus.DECLINED,
    );
    const actionItems = await this.actionItems.openDueAt(meeting.id);
    const names = await this.participants.getByIds([
      ...new Set([
        ...hosts.map((h) => h.participantId),
        ...invited.map((i) => i.participantId),
        ...actionItems.flatMap((a) => (a.ownerId ? [a.ownerId] : [])),
      ]),
    ]);
    const named = (id: string) => ({ id, name: names.get(id)?.name ?? 'Unknown participant' });
    const negotiation = await this.documents.listByStatus([DocumentStatus.NEGOTIATION]);
    const openForSignature = await this.documents.listByStatus([DocumentStatus.OPEN_FOR_SIGNATURE]);
    const [next] = await this.meetings.followersOf([meeting.id]);
    return {
      hosts: hosts.map((h) => named(h.participantId)),
      // By name: the order a signing list is read out in.
      invited: invited
        .filter((i) => names.has(i.participantId))
        .map((i) => ({ ...named(i.participantId), kind: names.get(i.participantId)!.kind }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      actionItems: actionItems.map((a) => ({
        title: a.title,
        owner: a.ownerId ? named(a.ownerId) : null,
      })),
      negotiation,
      openWork: await this.documents.openWork(negotiation.map((d) => d.id)),
      staleTranslations: await this.documents.staleTranslations(negotiation),
      openForSignature,
      signatories: await this.signatories.activeSignatories(openForSignature.map((d) => d.id)),
      nextMeeting: next ?? null,
    };
  }
}
