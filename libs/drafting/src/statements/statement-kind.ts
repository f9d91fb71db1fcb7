import { registerEnumType } from '@nestjs/graphql';

export enum StatementKind {
  GENERAL = 'GENERAL',
  INTERPRETIVE_DECLARATION = 'INTERPRETIVE_DECLARATION',
  /** Only on a document that admits reservations. */
  RESERVATION = 'RESERVATION',
  /** Only in response to another participant's reservation. */
  OBJECTION = 'OBJECTION',
}

registerEnumType(StatementKind, { name: 'StatementKind' });
