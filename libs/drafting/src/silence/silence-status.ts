import { registerEnumType } from '@nestjs/graphql';

/** RUNNING until the deadline; then CONCLUDED (adopted), or BROKEN / CANCELLED before it. */
export enum SilenceStatus {
  RUNNING = 'RUNNING',
  BROKEN = 'BROKEN',
  CONCLUDED = 'CONCLUDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SilenceStatus, { name: 'SilenceStatus' });
