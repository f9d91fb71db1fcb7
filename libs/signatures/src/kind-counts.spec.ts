import { ParticipantKind } from '@accord/common';
import { countByKind } from './kind-counts';

describe(countByKind.name, () => {
  it('counts every eligible kind, zero included, in the enum’s order', () => {
    expect(
      countByKind(
        [ParticipantKind.COMPANY, ParticipantKind.STATE],
        [ParticipantKind.STATE, ParticipantKind.STATE, ParticipantKind.COMPANY],
      ),
    ).toEqual([
      { kind: ParticipantKind.STATE, count: 2 },
      { kind: ParticipantKind.COMPANY, count: 1 },
    ]);
    expect(countByKind([ParticipantKind.STATE], [])).toEqual([
      { kind: ParticipantKind.STATE, count: 0 },
    ]);
  });

  it('still shows signatures of a kind that is no longer eligible', () => {
    expect(countByKind([ParticipantKind.STATE], [ParticipantKind.ACADEMIA])).toEqual([
      { kind: ParticipantKind.STATE, count: 0 },
      { kind: ParticipantKind.ACADEMIA, count: 1 },
    ]);
  });
});
