import { Module } from '@nestjs/common';
import { AuthModule } from '@accord/auth';
import { DraftingModule } from '@accord/drafting';
import { ParticipantsModule } from '@accord/participants';
import { SignaturesModule } from '@accord/signatures';
import { ParticipantsSeed } from './participants.seed';
import { SeedService } from './seed.service';
import { SignaturesSeed } from './signatures.seed';

@Module({
  imports: [AuthModule, ParticipantsModule, DraftingModule, SignaturesModule],
  providers: [SeedService, ParticipantsSeed, SignaturesSeed],
  exports: [SeedService],
})
export class SeedModule {}
