import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SilenceDeadlineService } from './silence-deadline.service';
import { SilenceProcedureEntity } from './silence-procedure.entity';

/**
 * When the deadline comes: a job per procedure (startAfter = deadline), and at every start a
 * sweep of the procedures whose deadline passed while no API ran.
 */
@Injectable()
export class SilenceSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(SilenceSchedule.name);

  constructor(private readonly deadlines: SilenceDeadlineService) {}

  /** Inside the start's transaction: the job exists if and only if the procedure does. */
  async scheduleAdoption(
    _procedure: Pick<SilenceProcedureEntity, 'id' | 'deadline'>,
  ): Promise<void> {
    // Wired to libs/jobs once it lands (see docs/silence-and-statements.md).
  }

  /** After a break or a cancellation: the job, when it runs, finds the procedure ended. */
  async forget(_procedureId: string): Promise<void> {}

  async onApplicationBootstrap(): Promise<void> {
    const adopted = await this.deadlines.sweep();
    if (adopted)
      this.logger.log(`Adopted ${adopted} text(s) whose silence deadline passed while no API ran`);
  }
}
