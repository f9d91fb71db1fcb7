import { Module } from '@nestjs/common';
import { AuthModule } from '@accord/auth';
import { DraftingModule } from '@accord/drafting';
import { MeetingsModule } from '@accord/meetings';
import { ParticipantsModule } from '@accord/participants';
import { SignaturesModule } from '@accord/signatures';
import { DraftingSeed } from './drafting.seed';
import { MeetingsSeed } from './meetings.seed';
import { ParticipantsSeed } from './participants.seed';
import { SeedService } from './seed.service';
import { SignaturesSeed } from './signatures.seed';
import { SilenceStatementsSeed } from './silence-statements.seed';

@Module({
  imports: [AuthModule, ParticipantsModule, DraftingModule, SignaturesModule, MeetingsModule],
  providers: [
    SeedService,
    ParticipantsSeed,
    DraftingSeed,
    SignaturesSeed,
    MeetingsSeed,
    SilenceStatementsSeed,
  ],
  exports: [SeedService],
})
export class SeedModule {}
