import { ClauseKind, DocumentStatus } from '@accord/common';

/** A clause's text in one language. `title` is for translations that give headings apart. */
export interface ClauseText {
  title?: string | null;
  text: string;
}

/** What a participant put on record about a clause or the whole text (issue 13). */
export interface TextStatement {
  participant: string;
  /** e.g. "Interpretive declaration", "Reservation". */
  kind: string;
  text: string;
  madeAt?: Date | null;
}

export interface TextClause {
  id: string;
  kind: ClauseKind;
  /** Display number; empty for headings. */
  number: string;
  /** By language code, one entry per requested language. */
  texts: Record<string, ClauseText>;
  statements?: TextStatement[];
}

export interface TextSignatory {
  participant: string;
  signedAt: Date;
  /** Where it was signed (a meeting), when recorded. */
  place?: string | null;
  statement: string | null;
}

/**
 * A text as it is handed out, in the languages asked for: what the PDF, Word and Markdown
 * renderings show, built by TextDocumentsService and independent of the database.
 */
export interface TextDocument {
  slug: string;
  /** By language code. */
  titles: Record<string, string>;
  /** The requested languages, in order: one, or two side by side. */
  languages: string[];
  status: DocumentStatus;
  /** Whether the text was adopted (its wording is final). */
  adopted: boolean;
  /** The version shown: the adopted one once adopted, else the latest; 0 for an empty draft. */
  versionNumber: number;
  /** When that version was made (adoption time once adopted); null for an empty draft. */
  date: Date | null;
  adoptedHash: string | null;
  clauses: TextClause[];
  /** Once open for signature: the active signatories. Null before. */
  signatories: TextSignatory[] | null;
  /** Statements on the whole text, when there are any. */
  statements?: TextStatement[];
}
