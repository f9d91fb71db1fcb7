export interface BracketCount {
  /** Bracketed passages not yet agreed: matched `[` … `]` pairs, nested ones included. */
  open: number;
  /** A `]` with no `[` before it, or a `[` never closed. */
  unbalanced: boolean;
}

/** Counts the square-bracketed (not yet agreed) passages of a negotiation text. */
export function countBrackets(text: string): BracketCount {
  let depth = 0;
  let open = 0;
  let unbalanced = false;
  for (const char of text) {
    if (char === '[') {
      depth++;
    } else if (char === ']') {
      if (depth === 0) {
        unbalanced = true;
      } else {
        depth--;
        open++;
      }
    }
  }
  return { open, unbalanced: unbalanced || depth > 0 };
}
