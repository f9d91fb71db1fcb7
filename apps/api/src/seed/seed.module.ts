import { Module } from '@nestjs/common';
import { AuthModule } from '@accord/auth';
import { ParticipantsModule } from '@accord/participants';
import { ParticipantsSeed } from './participants.seed';
import { SeedService } from './seed.service';

@Module({
  imports: [AuthModule, ParticipantsModule],
  providers: [SeedService, ParticipantsSeed],
  exports: [SeedService],
})
export class SeedModule {}
