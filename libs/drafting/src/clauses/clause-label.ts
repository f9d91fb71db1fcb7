import { ClauseKind } from '@accord/common';

/** How a version reason or message names a clause: "clause 3", or "heading" for an unnumbered one. */
export function clauseLabel(kind: ClauseKind, number: string): string {
  return kind === ClauseKind.HEADING || !number ? 'heading' : `clause ${number}`;
}
