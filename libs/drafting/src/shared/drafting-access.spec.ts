import {
  Actor,
  DelegationRole,
  DocumentStatus,
  ErrorCode,
  ParticipantKind,
  PlatformRole,
} from '@accord/common';
import { assertAllowedOnDocument } from './drafting-access';

const delegate: Actor = {
  id: 'd',
  email: 'd@test.example',
  displayName: 'Delegate',
  platformRole: PlatformRole.NONE,
  membership: {
    participantId: 'p',
    participantKind: ParticipantKind.STATE,
    role: DelegationRole.DELEGATE,
  },
};
const observer: Actor = {
  ...delegate,
  membership: { ...delegate.membership!, role: DelegationRole.OBSERVER },
};
const doc = (status: DocumentStatus) => ({ status, eligibleKinds: [ParticipantKind.STATE] });

function refusal(fn: () => void): { code: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error as { code: string; message: string };
  }
}

describe(assertAllowedOnDocument.name, () => {
  it('lets an allowed action through', () => {
    expect(
      refusal(() => assertAllowedOnDocument(delegate, 'clause.edit', doc(DocumentStatus.DRAFT))),
    ).toBeNull();
  });

  it('says INVALID_STATE, and when it is possible, to a caller who could act at another point of the lifecycle', () => {
    const error = refusal(() =>
      assertAllowedOnDocument(delegate, 'clause.edit', doc(DocumentStatus.NEGOTIATION)),
    );
    expect(error).toMatchObject({ code: ErrorCode.INVALID_STATE });
    expect(error!.message).toBe(
      'Editing clauses directly is possible only while the document is DRAFT; it is NEGOTIATION. In NEGOTIATION the text changes only through amendments.',
    );
  });

  it('says the adopted text is frozen', () => {
    const error = refusal(() =>
      assertAllowedOnDocument(delegate, 'amendment.propose', doc(DocumentStatus.ADOPTED)),
    );
    expect(error).toMatchObject({ code: ErrorCode.INVALID_STATE });
    expect(error!.message).toMatch(/adopted text is frozen/);
  });

  it('says FORBIDDEN to a caller who may never act, UNAUTHENTICATED to an anonymous one', () => {
    expect(
      refusal(() => assertAllowedOnDocument(observer, 'clause.edit', doc(DocumentStatus.DRAFT))),
    ).toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect(
      refusal(() => assertAllowedOnDocument(null, 'clause.edit', doc(DocumentStatus.DRAFT))),
    ).toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
  });
});
