/** A run of a clause's text: bracketed (not agreed) or not. */
export interface TextSegment {
  text: string;
  bracketed: boolean;
}

/**
 * A clause's text cut into runs, each outermost `[` … `]` passage (nested brackets included)
 * a bracketed run, brackets kept. A `[` never closed brackets the rest; a stray `]` is text.
 */
export function textSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let depth = 0;
  let current = '';
  const flush = (bracketed: boolean) => {
    if (current) segments.push({ text: current, bracketed });
    current = '';
  };
  for (const char of text) {
    if (char === '[') {
      if (depth === 0) flush(false);
      depth++;
      current += char;
    } else if (char === ']' && depth > 0) {
      current += char;
      depth--;
      if (depth === 0) flush(true);
    } else {
      current += char;
    }
  }
  flush(depth > 0);
  return segments;
}
