import { AgendaItemKind, ParticipantKind } from '@accord/common';
import { localTime } from './local-time';
import { PlannedItem } from './agenda-plan';
import { SilenceOutcome, silenceFollowUp } from './silence-follow-up';

export interface Named {
  id: string;
  name: string;
}

/** The state of the process an agenda is generated from (everything already read: no I/O here). */
export interface ProcessState {
  /** In the order the meeting lists them: the first opens the meeting. */
  hosts: Named[];
  /** Participants invited and not declining (INVITED, ACCEPTED or ATTENDED). */
  invited: (Named & { kind: ParticipantKind })[];
  /** Open action items due at this meeting. */
  actionItems: { title: string; owner: Named | null }[];
  /** Silence procedures concluded or broken since the previous meeting, in the order they ended. */
  silenceOutcomes?: SilenceOutcome[];
  /** Documents in NEGOTIATION, in the order they were created. */
  negotiation: DocumentRef[];
  /** Clauses of those documents with open amendments or brackets, in clause order. */
  openWork: {
    documentId: string;
    clauseId: string;
    number: string;
    position: number;
    openAmendments: number;
    openBrackets: number;
  }[];
  /** Per document in negotiation and authentic language, the clauses translated from an older version. */
  staleTranslations?: {
    documentId: string;
    language: string;
    clauseIds: string[];
    labels: string[];
  }[];
  /** Documents OPEN_FOR_SIGNATURE, in the order they were created. */
  openForSignature: DocumentRef[];
  /** Per document id, the participants with an active signature. */
  signatories: Map<string, Set<string>>;
  /** The meeting that follows this one, if one is planned. */
  nextMeeting: {
    title: string;
    city: string;
    venue: string | null;
    timezone: string;
    startsAt: Date;
    endsAt: Date;
  } | null;
}

interface DocumentRef {
  id: string;
  title: string;
  eligibleKinds: ParticipantKind[];
}

/** Minutes each kind of item asks for; a clause asks for CLAUSE_MINUTES_PER_UNIT per open amendment or bracket. */
export const AGENDA_MINUTES = {
  openingPerHost: 10,
  openingMax: 30,
  adoption: 5,
  followUpBase: 10,
  followUpPerItem: 5,
  followUpMax: 45,
  documentIntroduction: 15,
  clausePerUnit: 10,
  staleTranslations: 5,
  signingBase: 15,
  signingPerParticipant: 2,
  signingMax: 60,
  aob: 15,
  nextMeeting: 10,
  closing: 15,
} as const;

/** Shortest time a clause sub-item is compressed to before sub-items are cut. */
export const MIN_CLAUSE_MINUTES = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Items start on a five-minute grid. */
const ceilTo5 = (minutes: number) => Math.ceil(minutes / 5) * 5;

function item(fields: Partial<PlannedItem> & Pick<PlannedItem, 'kind' | 'title' | 'minutes'>) {
  return {
    level: 1,
    documentId: null,
    clauseIds: [],
    participantIds: [],
    notes: null,
    proportional: false,
    work: 0,
    label: fields.title,
    ...fields,
  } as PlannedItem;
}

/**
 * The agenda a meeting needs, in the order of docs/meetings.md: opening by the hosts, adoption
 * of the agenda, follow-up of the open action items due, one review per document in negotiation
 * that the invited participants may see (a sub-item per clause with open work, time in
 * proportion to it), one signing per document open for signature (listing the invited eligible
 * participants that have not signed), any other business, next meeting, closing.
 */
export function buildAgenda(state: ProcessState): PlannedItem[] {
  const items: PlannedItem[] = [
    item({
      kind: AgendaItemKind.OPENING,
      title: 'Opening of the meeting',
      participantIds: state.hosts.map((h) => h.id),
      notes: state.hosts.length ? 'Opening remarks by the hosts' : null,
      minutes: Math.min(
        AGENDA_MINUTES.openingMax,
        Math.max(1, state.hosts.length) * AGENDA_MINUTES.openingPerHost,
      ),
    }),
    item({
      kind: AgendaItemKind.ADOPTION_OF_AGENDA,
      title: 'Adoption of the agenda',
      minutes: AGENDA_MINUTES.adoption,
    }),
  ];
  if (state.actionItems.length) items.push(followUp(state.actionItems));
  if (state.silenceOutcomes?.length) items.push(silenceFollowUp(state.silenceOutcomes));
  const invitedKinds = new Set(state.invited.map((p) => p.kind));
  for (const document of state.negotiation) {
    if (!document.eligibleKinds.some((kind) => invitedKinds.has(kind))) continue;
    items.push(...review(document, state.openWork));
    const stale = (state.staleTranslations ?? []).filter((s) => s.documentId === document.id);
    if (stale.length) items.push(staleTranslations(document, stale));
  }
  for (const document of state.openForSignature) {
    const signed = state.signatories.get(document.id) ?? new Set<string>();
    const pending = state.invited.filter(
      (p) => document.eligibleKinds.includes(p.kind) && !signed.has(p.id),
    );
    items.push(signing(document, pending));
  }
  items.push(
    item({ kind: AgendaItemKind.AOB, title: 'Any other business', minutes: AGENDA_MINUTES.aob }),
    item({
      kind: AgendaItemKind.NEXT_MEETING,
      title: 'Date and venue of the next meeting',
      notes: nextMeetingNote(state.nextMeeting),
      minutes: AGENDA_MINUTES.nextMeeting,
    }),
    item({
      kind: AgendaItemKind.CLOSING,
      title: 'Closing of the meeting',
      participantIds: state.hosts.map((h) => h.id),
      minutes: AGENDA_MINUTES.closing,
    }),
  );
  return items;
}

function followUp(actionItems: ProcessState['actionItems']): PlannedItem {
  const owners = new Map<string, string>();
  for (const a of actionItems) if (a.owner) owners.set(a.owner.id, a.owner.name);
  return item({
    kind: AgendaItemKind.FOLLOW_UP,
    title: 'Follow-up of action items',
    participantIds: [...owners.keys()],
    notes: actionItems.map((a) => `- ${a.title}${a.owner ? ` (${a.owner.name})` : ''}`).join('\n'),
    minutes: Math.min(
      AGENDA_MINUTES.followUpMax,
      AGENDA_MINUTES.followUpBase + AGENDA_MINUTES.followUpPerItem * actionItems.length,
    ),
  });
}

function review(document: DocumentRef, openWork: ProcessState['openWork']): PlannedItem[] {
  const clauses = openWork.filter((w) => w.documentId === document.id);
  const amendments = clauses.reduce((n, c) => n + c.openAmendments, 0);
  const brackets = clauses.reduce((n, c) => n + c.openBrackets, 0);
  const parent = item({
    kind: AgendaItemKind.DOCUMENT_REVIEW,
    title: `Consideration of ${document.title}`,
    documentId: document.id,
    clauseIds: clauses.map((c) => c.clauseId),
    notes: clauses.length
      ? `${plural(clauses.length, 'clause')} with open work: ${plural(amendments, 'open amendment')}, ${plural(brackets, 'bracketed passage')}`
      : 'No open amendments or brackets: the text may be ready for adoption',
    minutes: AGENDA_MINUTES.documentIntroduction,
  });
  const subItems = clauses.map((c) => {
    const name = c.number ? `Clause ${c.number}` : `Heading at position ${c.position}`;
    const work = c.openAmendments + c.openBrackets;
    return item({
      kind: AgendaItemKind.DOCUMENT_REVIEW,
      title: name,
      level: 2,
      documentId: document.id,
      clauseIds: [c.clauseId],
      notes: `${plural(c.openAmendments, 'open amendment')}, ${plural(c.openBrackets, 'bracketed passage')}`,
      minutes: work * AGENDA_MINUTES.clausePerUnit,
      proportional: true,
      work,
      label: `${name} of ${document.title}`,
    });
  });
  return [parent, ...subItems];
}

function staleTranslations(
  document: DocumentRef,
  stale: NonNullable<ProcessState['staleTranslations']>,
): PlannedItem {
  return item({
    kind: AgendaItemKind.DOCUMENT_REVIEW,
    title: 'Stale translations',
    level: 2,
    documentId: document.id,
    clauseIds: [...new Set(stale.flatMap((s) => s.clauseIds))],
    notes: stale.map((s) => `${s.language}: ${s.labels.join(', ')}`).join('\n'),
    minutes: AGENDA_MINUTES.staleTranslations,
    label: `Stale translations of ${document.title}`,
  });
}

function signing(document: DocumentRef, pending: Named[]): PlannedItem {
  return item({
    kind: AgendaItemKind.SIGNING,
    title: `Signature of ${document.title}`,
    documentId: document.id,
    participantIds: pending.map((p) => p.id),
    notes: pending.length
      ? `${plural(pending.length, 'invited participant')} may sign and ${pending.length === 1 ? 'has' : 'have'} not signed yet`
      : 'Every invited participant that may sign has signed',
    minutes: Math.min(
      AGENDA_MINUTES.signingMax,
      ceilTo5(AGENDA_MINUTES.signingBase + AGENDA_MINUTES.signingPerParticipant * pending.length),
    ),
  });
}

function nextMeetingNote(next: ProcessState['nextMeeting']): string {
  if (!next) return 'To be decided';
  const from = localTime(next.startsAt, next.timezone);
  const to = localTime(next.endsAt, next.timezone);
  const dates = from.hasSame(to, 'day')
    ? from.toFormat('d LLLL yyyy')
    : `${from.toFormat('d LLLL yyyy')} to ${to.toFormat('d LLLL yyyy')}`;
  return `${next.title}: ${[next.venue, next.city].filter(Boolean).join(', ')}, ${dates}`;
}

/** What the generated agenda could not take into account, said up front. */
export function stateWarnings(state: ProcessState): string[] {
  return state.invited.length
    ? []
    : [
        'No participant is invited (or every invited participant declined): no document is reviewed and nobody is listed to sign',
      ];
}
