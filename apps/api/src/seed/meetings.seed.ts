import { Injectable } from '@nestjs/common';
import { Actor, MeetingStatus } from '@accord/common';
import {
  ActionItemsService,
  AgendasService,
  InvitationsService,
  MeetingsService,
} from '@accord/meetings';
import { PALL_MALL } from './pall-mall-data';
import { SeedContext } from './seed-context';

/** The meeting planned after Singapore: where the demo's agenda is generated. */
export const NEXT_MEETING = {
  key: 'london-2026',
  title: 'Fourth Pall Mall Process meeting',
  city: 'London',
  venue: 'Lancaster House',
  timezone: 'Europe/London',
  startsAt: '2026-12-08T09:00:00Z',
  endsAt: '2026-12-09T17:00:00Z',
  hosts: ['United Kingdom', 'France'],
  follows: 'singapore-2025',
};

/** Follow-ups decided at one meeting for a later one (illustrative, like the meetings' hours). */
const ACTION_ITEMS: {
  title: string;
  owner: string;
  raisedAt: string;
  dueAt: string;
  done: boolean;
}[] = [
  {
    title: 'Draft a code of practice for states on commercial cyber intrusion capabilities',
    owner: 'France',
    raisedAt: 'london-2024',
    dueAt: 'paris-2025',
    done: true,
  },
  {
    title: 'Consult industry on responsible practice for intrusion capabilities',
    owner: 'United Kingdom',
    raisedAt: 'london-2024',
    dueAt: 'paris-2025',
    done: true,
  },
  {
    title: 'Report on first steps to implement the Code of Practice for States',
    owner: 'United Kingdom',
    raisedAt: 'paris-2025',
    dueAt: 'singapore-2025',
    done: true,
  },
  {
    title: 'Prepare draft good-practice guidance for industry',
    owner: 'France',
    raisedAt: 'singapore-2025',
    dueAt: NEXT_MEETING.key,
    done: false,
  },
  {
    title: 'Collect national points of contact for the Code of Practice',
    owner: 'United Kingdom',
    raisedAt: 'singapore-2025',
    dueAt: NEXT_MEETING.key,
    done: false,
  },
];

/** Heads of delegation of the demo who answer the next meeting's invitation. */
const ANSWERS: { email: string; accept: boolean }[] = [
  { email: 'head.uk@accord.example', accept: true },
  { email: 'head.fr@accord.example', accept: true },
  { email: 'head.mx@accord.example', accept: true },
];

/**
 * The meetings of the process through the services (so that the rules and the audit trail
 * apply): London 2024, Paris 2025 and Singapore 2025 as they happened, then the next meeting
 * with its generated, published agenda.
 */
@Injectable()
export class MeetingsSeed {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly invitations: InvitationsService,
    private readonly actionItems: ActionItemsService,
    private readonly agendas: AgendasService,
  ) {}

  /** The three past meetings, linked in order, with who was invited and who attended. */
  async seedMeetings(context: SeedContext): Promise<void> {
    const staff = context.secretariat;
    for (const data of PALL_MALL.meetings) {
      const meeting = await this.meetings.create(staff, {
        title: data.title,
        city: data.city,
        venue: data.venue,
        timezone: data.timezone,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        hostIds: this.ids(context, data.hosts),
        previousMeetingId: data.follows ? context.meetingIds.get(data.follows)! : null,
      });
      context.meetingIds.set(data.key, meeting.id);
      const attendees = this.attendeesOf(data.key, data.hosts);
      await this.invitations.invite(staff, meeting.id, this.ids(context, attendees));
      await this.meetings.setStatus(staff, meeting.id, MeetingStatus.CONCLUDED);
      await this.invitations.recordAttendance(staff, meeting.id, this.ids(context, attendees));
    }
    for (const item of ACTION_ITEMS.filter((i) => i.dueAt !== NEXT_MEETING.key)) {
      await this.addActionItem(context, item);
    }
  }

  /**
   * The next meeting, every participant invited, a few answers, its action items, and its
   * agenda generated from the state of the process and published. Runs after the drafting and
   * signatures steps, so that it sees the draft in negotiation and who has yet to sign.
   */
  async seedAgenda(context: SeedContext): Promise<void> {
    const staff = context.secretariat;
    const meeting = await this.meetings.create(staff, {
      title: NEXT_MEETING.title,
      city: NEXT_MEETING.city,
      venue: NEXT_MEETING.venue,
      timezone: NEXT_MEETING.timezone,
      startsAt: new Date(NEXT_MEETING.startsAt),
      endsAt: new Date(NEXT_MEETING.endsAt),
      hostIds: this.ids(context, NEXT_MEETING.hosts),
      previousMeetingId: context.meetingIds.get(NEXT_MEETING.follows)!,
    });
    context.meetingIds.set(NEXT_MEETING.key, meeting.id);
    await this.invitations.invite(staff, meeting.id, [...context.participantIds.values()]);
    for (const answer of ANSWERS) {
      const head = context.users.get(answer.email);
      if (head) await this.invitations.respond(head, meeting.id, answer.accept);
    }
    await this.meetings.setStatus(staff, meeting.id, MeetingStatus.CONFIRMED);
    for (const item of ACTION_ITEMS.filter((i) => i.dueAt === NEXT_MEETING.key)) {
      await this.addActionItem(context, item);
    }
    await this.agendas.generate(staff, meeting.id);
    await this.agendas.publish(staff, meeting.id);
  }

  /**
   * Who was there: the hosts, the signatories of the text adopted at the meeting and those
   * who attended without signing; a meeting that adopted nothing, its hosts only.
   */
  private attendeesOf(key: string, hosts: string[]): string[] {
    const adopted = PALL_MALL.documents
      .filter((d) => d.adoptedAt_meeting === key)
      .map((d) => d.slug);
    return [
      ...new Set([
        ...hosts,
        ...PALL_MALL.signatures
          .filter((s) => adopted.includes(s.document))
          .map((s) => s.participant),
        ...PALL_MALL.attendedButDidNotSign
          .filter((s) => adopted.includes(s.document))
          .map((s) => s.participant),
      ]),
    ];
  }

  private async addActionItem(context: SeedContext, item: (typeof ACTION_ITEMS)[number]) {
    const staff: Actor = context.secretariat;
    const created = await this.actionItems.add(staff, {
      title: item.title,
      ownerId: this.ids(context, [item.owner])[0],
      raisedAtId: context.meetingIds.get(item.raisedAt)!,
      dueAtId: context.meetingIds.get(item.dueAt)!,
    });
    if (item.done) await this.actionItems.complete(staff, created.id);
  }

  private ids(context: SeedContext, names: string[]): string[] {
    return names.map((name) => {
      const id = context.participantIds.get(name);
      if (!id) throw new Error(`Seed: no participant named ${name}`);
      return id;
    });
  }
}
