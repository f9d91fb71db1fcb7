import { AmendmentStatus, DomainException } from '@accord/common';
import { AmendmentEntity } from './amendment.entity';

/** Co-sponsoring, withdrawing, re-basing and deciding all need a PROPOSED amendment. */
export function assertProposed(amendment: AmendmentEntity, verb: string): void {
  if (amendment.status === AmendmentStatus.PROPOSED) return;
  throw DomainException.invalidState(
    `This amendment is ${amendment.status}: only a PROPOSED amendment can be ${verb}`,
    { status: amendment.status },
  );
}
