import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/**
 * The job queue (pg-boss on the app's database). Global: any library injects JobsService to
 * register handlers and send jobs. Needs DatabaseModule and ConfigModule.
 */
@Global()
@Module({
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
