/**
 * Operation names are chosen by clients: as a metrics label they are kept only when they
 * look like a GraphQL name of at most 64 characters, and only the first MAX_NAMES distinct
 * names get their own series (later ones count as `other`), so no client can make the
 * number of series grow without bound.
 */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
export const MAX_OPERATION_NAMES = 200;

export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined, resolved: boolean): string {
    if (!resolved) return 'invalid';
    if (!name) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (!NAME.test(name) || this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}
