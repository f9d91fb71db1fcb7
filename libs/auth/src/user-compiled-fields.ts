import { Injectable, OnModuleInit } from '@nestjs/common';
import { CompiledReads } from '@accord/common';

/**
 * The plain fields of User, for compiled reads (see CompiledReads): what UserModel.from gives
 * whoever reaches a user through a resolver (a comment's author, a delegation's member).
 */
@Injectable()
export class UserCompiledFields implements OnModuleInit {
  constructor(private readonly reads: CompiledReads) {}

  onModuleInit(): void {
    this.reads.declareFields('User', {
      id: { column: (row) => `${row}.id` },
      displayName: { column: (row) => `${row}."displayName"` },
      email: { column: (row) => `${row}.email` },
    });
  }
}
