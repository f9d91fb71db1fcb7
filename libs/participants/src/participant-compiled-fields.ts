import { Injectable, OnModuleInit } from '@nestjs/common';
import { CompiledReads } from '@accord/common';

/** The plain fields of Participant, for compiled reads that reach participants (see CompiledReads). */
@Injectable()
export class ParticipantCompiledFields implements OnModuleInit {
  constructor(private readonly reads: CompiledReads) {}

  onModuleInit(): void {
    this.reads.declareFields('Participant', {
      id: { column: (row) => `${row}.id` },
      kind: { column: (row) => `${row}.kind` },
      name: { column: (row) => `${row}.name` },
      shortName: { column: (row) => `${row}."shortName"` },
      countryCode: { column: (row) => `${row}."countryCode"` },
    });
  }
}
