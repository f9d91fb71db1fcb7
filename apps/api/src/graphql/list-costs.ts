import { MAX_PAGE_SIZE } from '@accord/common';

/**
 * How many items the complexity estimate assumes a list field returns: its page size when the
 * caller chooses one (`first`, clamped to MAX_PAGE_SIZE: larger pages are refused anyway), else
 * an estimate for a large real process. The Pall Mall demo holds 3 documents of 5 to 12 clauses,
 * a handful of amendments and comments, 20-odd signatures and invited participants per text or
 * meeting; the estimates below leave room for texts and meetings several times that size.
 * This table is the one place these numbers live; the README's complexity model quotes it.
 */
export interface ListCost {
  /** Items assumed: the page size's default, or the estimate when there is no page argument. */
  items: number;
  /** The argument that sets the page size, if the caller chooses it. */
  pageArgument?: 'first';
  /** What the field costs itself, before its items (default 1): work beyond reading rows. */
  ownCost?: number;
  why: string;
}

/** A list field missing from the table (a test keeps it complete): an honest middle guess. */
export const DEFAULT_LIST_ITEMS = 10;

/** `Type.field` → cost of its items. A connection's page size counts for its edges. */
export const LIST_COSTS: Readonly<Record<string, ListCost>> = {
  'Query.participants': { items: 50, pageArgument: 'first', why: 'a page (first, default 50)' },
  'Query.users': { items: 50, pageArgument: 'first', why: 'a page (first, default 50)' },
  'Query.auditEvents': { items: 50, pageArgument: 'first', why: 'a page (first, default 50)' },
  'ParticipantConnection.edges': { items: 1, why: 'counted by the page size of participants' },
  'Query.mySessions': { items: 10, why: 'live sessions of one user (a few devices)' },
  'Query.myNotificationPreferences': { items: 11, why: 'one per notification kind (11)' },
  'Mutation.setNotificationPreferences': { items: 11, why: 'one per notification kind (11)' },
  'Query.notificationDeliveries': {
    items: 50,
    pageArgument: 'first',
    why: 'a page (first, default 50, at most 200)',
  },
  'Query.documents': { items: 12, why: 'texts of the process (demo: 3)' },
  'Query.meetings': { items: 12, why: 'meetings of the process, a few a year (demo: 4)' },
  'Query.documentDiff': {
    items: 50,
    ownCost: 200,
    why: 'one entry per clause of the two versions; the word diff itself costs 200',
  },
  'ClauseDiff.chunks': { items: 20, why: 'runs of equal, deleted and inserted words' },
  'Document.clauses': { items: 50, why: 'clauses of a text (demo: up to 12)' },
  'Document.amendments': { items: 40, why: 'amendments to a text under negotiation' },
  'Document.signatures': { items: 50, why: 'signatories of a text (demo: about 20)' },
  'Document.signatureCountsByKind': { items: 5, why: 'one per participant kind' },
  'Document.versions': { items: 20, why: 'versions of a text' },
  'Document.translationStatus': { items: 3, why: 'one per authentic language (demo: 2)' },
  'Clause.translations': { items: 3, why: 'one per authentic language (demo: 2)' },
  'Clause.amendments': { items: 5, why: 'amendments to one clause' },
  'Clause.comments': { items: 5, why: 'threads on one clause' },
  'Comment.replies': { items: 5, why: 'replies in one thread' },
  'Amendment.cosponsors': { items: 5, why: 'co-sponsors of one amendment' },
  'Participant.members': { items: 10, why: 'members of one delegation' },
  'Participant.signatures': { items: 10, why: 'texts one participant signed' },
  'Meeting.hosts': { items: 3, why: 'co-hosts of a meeting (demo: 2)' },
  'Meeting.invitations': { items: 50, why: 'participants invited to a meeting' },
  'Meeting.actionItems': { items: 10, why: 'action items due at a meeting' },
  'Agenda.items': { items: 25, why: 'items of a two-day agenda' },
  'AgendaItem.clauses': { items: 5, why: 'clauses reviewed under one item' },
  'AgendaItem.participants': { items: 10, why: 'presenters or signatories of one item' },
  'Document.silenceProcedures': { items: 3, why: 'silence procedures on one text (demo: 2)' },
  'SilenceProcedure.breaks': { items: 1, why: 'the first break ends a procedure' },
  'Document.statements': { items: 30, why: 'statements on an adopted text (demo: 3)' },
  'Clause.statements': { items: 3, why: 'statements anchored to one clause' },
  'Statement.clauses': { items: 3, why: 'clauses one statement concerns (at most 50)' },
};

/** Items a list field is assumed to return for these arguments. */
export function listItems(cost: ListCost | undefined, args: Record<string, unknown>): number {
  if (!cost) return DEFAULT_LIST_ITEMS;
  const requested = cost.pageArgument ? args[cost.pageArgument] : undefined;
  if (typeof requested === 'number' && Number.isFinite(requested))
    return Math.min(Math.max(Math.ceil(requested), 1), MAX_PAGE_SIZE);
  return cost.items;
}
