import { ParticipantKind } from '@accord/common';

const KIND_ORDER = Object.values(ParticipantKind);

/**
 * Active signatures per participant kind: one entry per kind the document is open to (zero
 * included), plus any other kind that has signatures, in the enum's order.
 */
export function countByKind(
  eligibleKinds: readonly ParticipantKind[],
  signerKinds: readonly ParticipantKind[],
): { kind: ParticipantKind; count: number }[] {
  const counts = new Map<ParticipantKind, number>(eligibleKinds.map((kind) => [kind, 0]));
  for (const kind of signerKinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return KIND_ORDER.filter((kind) => counts.has(kind)).map((kind) => ({
    kind,
    count: counts.get(kind)!,
  }));
}
