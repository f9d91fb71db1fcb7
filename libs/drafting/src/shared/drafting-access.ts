import { Actor, DocumentStatus, DomainException } from '@accord/common';
import { Action, assertCan, can, DocumentRef, PolicyResources } from '@accord/policy';

type DocumentAction = {
  [A in Action]: PolicyResources[A] extends DocumentRef ? A : never;
}[Action];

const ACTION_WORDS: Partial<Record<DocumentAction, string>> = {
  'clause.edit': 'Editing clauses directly',
  'document.setLanguages': 'Setting the authentic languages',
  'document.editTitle': 'Changing the title in the language of negotiation',
  'translation.edit': 'Translating',
  'amendment.propose': 'Proposing an amendment',
  'amendment.cosponsor': 'Co-sponsoring an amendment',
  'amendment.withdraw': 'Withdrawing an amendment',
  'amendment.rebase': 'Re-basing an amendment',
  'amendment.decide': 'Deciding on an amendment',
  'comment.add': 'Commenting',
  'comment.resolve': 'Resolving a comment',
  'silence.start': 'Starting a silence procedure',
  'silence.cancel': 'Cancelling a silence procedure',
  'statement.make': 'Making a statement',
  'statement.record': 'Recording a statement',
  'document.setReservationsAllowed': 'Deciding whether reservations are admitted',
};

const ADOPTED_OR_LATER = [
  DocumentStatus.ADOPTED,
  DocumentStatus.OPEN_FOR_SIGNATURE,
  DocumentStatus.CLOSED,
];

function why(action: DocumentAction, status: DocumentStatus): string {
  if (ADOPTED_OR_LATER.includes(status)) return ' The adopted text is frozen.';
  if (
    (action === 'clause.edit' || action === 'document.editTitle') &&
    status === DocumentStatus.NEGOTIATION
  )
    return ' In NEGOTIATION the text changes only through amendments.';
  return '';
}

/**
 * The policy check for an action on a document, with the most useful refusal: when the caller
 * could do this at another point of the lifecycle, INVALID_STATE says when (direct edits stop
 * when negotiation opens, everything stops at adoption); otherwise FORBIDDEN, or
 * UNAUTHENTICATED when anonymous.
 */
export function assertAllowedOnDocument<A extends DocumentAction>(
  actor: Actor | null,
  action: A,
  resource: PolicyResources[A],
): void {
  if (can(actor, action, resource)) return;
  const { status } = resource as DocumentRef;
  const allowedIn = Object.values(DocumentStatus).filter((other) =>
    can(actor, action, { ...resource, status: other }),
  );
  if (!allowedIn.length) return assertCan(actor, action, resource);
  throw DomainException.invalidState(
    `${ACTION_WORDS[action] ?? action} is possible only while the document is ${allowedIn.join(' or ')}; it is ${status}.${why(action, status)}`,
    { status },
  );
}
