import { Inject, Injectable } from '@nestjs/common';
import {
  DocumentStatus,
  InvitationStatus,
  SIGNATORIES_LOOKUP,
  SignatoriesLookup,
} from '@accord/common';
import { DocumentsReader, SilenceReader } from '@accord/drafting';
import { ActionItemsRepository } from '../action-items/action-items.repository';
import { ProcessState } from './plan/agenda-builder';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { ParticipantDirectory } from '../meetings/participant-directory';

/** Reads the state of the process an agenda is generated from; the rules live in buildAgenda. */
@Injectable()
export class AgendaStateService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly actionItems: ActionItemsRepository,
    private readonly participants: ParticipantDirectory,
    private readonly documents: DocumentsReader,
    private readonly silence: SilenceReader,
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
    const silenceOutcomes = await this.silenceSincePrevious(meeting, invited);
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
      silenceOutcomes,
      negotiation,
      openWork: await this.documents.openWork(negotiation.map((d) => d.id)),
      staleTranslations: await this.documents.staleTranslations(negotiation),
      openForSignature,
      signatories: await this.signatories.activeSignatories(openForSignature.map((d) => d.id)),
      nextMeeting: next ?? null,
    };
  }

  /** Silence procedures ended between the previous meeting's end and this one's start, on texts its participants may see. */
  private async silenceSincePrevious(
    meeting: MeetingEntity,
    invited: { participantId: string }[],
  ): Promise<ProcessState['silenceOutcomes']> {
    const previous = meeting.previousMeetingId
      ? await this.meetings.getById(meeting.previousMeetingId)
      : null;
    const ended = await this.silence.endedBetween(previous?.endsAt ?? null, meeting.startsAt);
    if (!ended.length) return [];
    const [documents, names] = await Promise.all([
      this.documents.getByIds([...new Set(ended.map((p) => p.documentId))]),
      this.participants.getByIds([
        ...new Set([
          ...ended.flatMap((p) => p.brokenByIds),
          ...invited.map((i) => i.participantId),
        ]),
      ]),
    ]);
    const invitedKinds = new Set(invited.flatMap((i) => names.get(i.participantId)?.kind ?? []));
    const seen = new Set(
      documents.filter((d) => d.eligibleKinds.some((k) => invitedKinds.has(k))).map((d) => d.id),
    );
    return ended
      .filter((p) => seen.has(p.documentId))
      .map((p) => ({
        documentId: p.documentId,
        documentTitle: p.documentTitle,
        status: p.status,
        endedAt: p.endedAt,
        timezone: p.timezone,
        brokenBy: p.brokenByIds.map((id) => names.get(id)?.name ?? 'Unknown participant'),
      }));
  }
}
