/**
 * Zero-width characters, bidirectional controls, word joiners, the byte-order mark, the soft
 * hyphen and the Arabic letter mark: invisible, so two names differing only by them look the
 * same on screen and must be the same name.
 */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A name as stored and compared: Unicode NFC, invisible characters removed, trimmed. */
export function normaliseName(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').trim();
}
