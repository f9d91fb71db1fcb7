import { DocumentStatus } from '@accord/common';
import type { TextDocument } from './text-document';

/** What a printed text says it is. */
export function textStatusLabel(status: DocumentStatus): string {
  switch (status) {
    case DocumentStatus.DRAFT:
    case DocumentStatus.NEGOTIATION:
      return 'Draft — not agreed';
    case DocumentStatus.ADOPTED:
      return 'Adopted text';
    case DocumentStatus.OPEN_FOR_SIGNATURE:
      return 'Adopted text — open for signature';
    case DocumentStatus.CLOSED:
      return 'Adopted text — closed for signature';
  }
}

/** The version line: "Version 4 of 30 November 2026" or "Version 4, adopted on …". */
export function versionLine(text: TextDocument): string {
  if (!text.versionNumber || !text.date) return 'No text yet';
  const date = text.date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return text.adopted
    ? `Version ${text.versionNumber}, adopted on ${date}`
    : `Version ${text.versionNumber} of ${date}`;
}

/** "3 March 2026" in UTC: how dates of signature read. */
export function dateLabel(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Whether any clause of the text has a bracketed passage (then a legend explains them). */
export function hasBrackets(text: TextDocument): boolean {
  return text.clauses.some((c) => Object.values(c.texts).some((t) => /\[/.test(t.text)));
}
