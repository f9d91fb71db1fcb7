import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@accord/jobs';
import { SilenceDeadlineService } from './silence-deadline.service';
import { SilenceProcedureEntity } from './silence-procedure.entity';

/** The queue of silence deadlines: one job per procedure, keyed by its id. */
export const SILENCE_DEADLINE_QUEUE = 'silence.deadline';

interface DeadlineJob {
  procedureId: string;
}

/**
 * When the deadline comes: a job per procedure in the PostgreSQL job queue (startAfter = the
 * deadline, singletonKey = the procedure), written by the transaction that starts the
 * procedure; and at every start a sweep of the RUNNING procedures whose deadline has passed.
 * A job due while no instance ran also runs at the next start. Whichever comes first adopts;
 * the others find the procedure ended (SilenceDeadlineService locks and checks).
 */
@Injectable()
export class SilenceSchedule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SilenceSchedule.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly deadlines: SilenceDeadlineService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<DeadlineJob>(
      SILENCE_DEADLINE_QUEUE,
      async ({ data }) => {
        const outcome = await this.deadlines.adoptAtDeadline(data.procedureId);
        // A job taken a moment early by the database's clock: retried shortly.
        if (outcome === 'NOT_DUE') throw new Error('the deadline has not come yet');
      },
      { retryLimit: 20, retryDelaySeconds: 2, retryBackoff: true },
    );
  }

  /** Inside the start's transaction: the job exists if and only if the procedure does. */
  async scheduleAdoption(
    procedure: Pick<SilenceProcedureEntity, 'id' | 'deadline'>,
  ): Promise<void> {
    await this.jobs.send<DeadlineJob>(
      SILENCE_DEADLINE_QUEUE,
      { procedureId: procedure.id },
      { startAfter: procedure.deadline, singletonKey: procedure.id },
    );
  }

  /** Deadlines that passed while no API ran (or whose job was lost): adopted now, dated then. */
  async onApplicationBootstrap(): Promise<void> {
    const adopted = await this.deadlines.sweep();
    if (adopted) {
      this.logger.log(`Adopted ${adopted} text(s) whose silence deadline passed while no API ran`);
    }
  }
}
