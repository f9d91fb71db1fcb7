import { Injectable, OnModuleInit } from '@nestjs/common';
import { CompiledReads } from '@accord/common';

/**
 * The fields of User anyone who reaches a user may see, for compiled reads (see CompiledReads).
 * Not email and the like: their visibility is decided per caller by the resolvers.
 */
@Injectable()
export class UserCompiledFields implements OnModuleInit {
  constructor(private readonly reads: CompiledReads) {}

  onModuleInit(): void {
    this.reads.declareFields('User', {
      id: { column: (row) => `${row}.id` },
      displayName: { column: (row) => `${row}."displayName"` },
    });
  }
}
