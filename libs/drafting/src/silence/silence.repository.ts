import { Injectable } from '@nestjs/common';
import { plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { SilenceBreakEntity } from './silence-break.entity';
import { SilenceProcedureEntity } from './silence-procedure.entity';
import { SilenceStatus } from './silence-status';

const PROCEDURE_COLUMNS = `p.id, p."documentId", p.status, p."startedAt", p.deadline, p.timezone,
  p."startedById", p."concludedAt", p."cancelledById", p."cancelReason"`;

const BREAK_COLUMNS = `b.id, b."procedureId", b."participantId", b."brokenById", b."brokenAt", b.reason`;

export type NewSilenceProcedure = Pick<
  SilenceProcedureEntity,
  'documentId' | 'deadline' | 'timezone' | 'startedById'
>;

/** The only file of silence procedures that speaks SQL; times come from the database's clock. */
@Injectable()
export class SilenceRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get manager() {
    return this.txHost.tx;
  }

  async getById(id: string): Promise<SilenceProcedureEntity | null> {
    const [row] = await plainRows<SilenceProcedureEntity>(
      this.manager,
      `SELECT ${PROCEDURE_COLUMNS} FROM silence_procedures p WHERE p.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** SELECT … FOR UPDATE; callers lock the document row first (the one lock order). */
  async lockById(id: string): Promise<SilenceProcedureEntity | null> {
    const [row] = await plainRows<SilenceProcedureEntity>(
      this.manager,
      `SELECT ${PROCEDURE_COLUMNS} FROM silence_procedures p WHERE p.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** The procedure running on a document, if any. */
  async runningOn(documentId: string): Promise<SilenceProcedureEntity | null> {
    const [row] = await plainRows<SilenceProcedureEntity>(
      this.manager,
      `SELECT ${PROCEDURE_COLUMNS} FROM silence_procedures p
       WHERE p."documentId" = $1 AND p.status = 'RUNNING'`,
      [documentId],
    );
    return row ?? null;
  }

  /** Whether the database's clock, read now, is strictly before `deadline`. */
  async isBefore(deadline: Date): Promise<boolean> {
    const [row] = await plainRows<{ before: boolean }>(
      this.manager,
      `SELECT clock_timestamp() < $1::timestamptz AS before`,
      [deadline],
    );
    return row.before;
  }

  /** The database's clock, read now. */
  async now(): Promise<Date> {
    const [row] = await plainRows<{ now: Date }>(
      this.manager,
      `SELECT clock_timestamp() AS now`,
      [],
    );
    return row.now;
  }

  async create(procedure: NewSilenceProcedure): Promise<SilenceProcedureEntity> {
    const [row] = await plainRows<SilenceProcedureEntity>(
      this.manager,
      `INSERT INTO silence_procedures AS p ("documentId", status, "startedAt", deadline, timezone, "startedById")
       VALUES ($1, 'RUNNING', clock_timestamp(), $2, $3, $4) RETURNING ${PROCEDURE_COLUMNS}`,
      [procedure.documentId, procedure.deadline, procedure.timezone, procedure.startedById],
    );
    return row;
  }

  /**
   * Ends a RUNNING procedure; null when it no longer runs. CONCLUDED only once the database's
   * clock has reached the deadline, and then dated at the deadline.
   */
  async end(
    id: string,
    status: SilenceStatus.BROKEN | SilenceStatus.CANCELLED | SilenceStatus.CONCLUDED,
    extra: { cancelledById?: string; cancelReason?: string; endedAt?: Date } = {},
  ): Promise<SilenceProcedureEntity | null> {
    const concluded = status === SilenceStatus.CONCLUDED;
    // An UPDATE answers [rows, count].
    const [[row]] = (await this.manager.query(
      `UPDATE silence_procedures AS p
       SET status = $2,
           "concludedAt" = ${concluded ? 'p.deadline' : 'COALESCE($5::timestamptz, clock_timestamp())'},
           "cancelledById" = $3, "cancelReason" = $4
       WHERE p.id = $1 AND p.status = 'RUNNING'
         ${concluded ? 'AND p.deadline <= clock_timestamp()' : ''}
       RETURNING ${PROCEDURE_COLUMNS}`,
      [
        id,
        status,
        extra.cancelledById ?? null,
        extra.cancelReason ?? null,
        ...(concluded ? [] : [extra.endedAt ?? null]),
      ],
    )) as [SilenceProcedureEntity[], number];
    return row ?? null;
  }

  async addBreak(
    brk: Pick<SilenceBreakEntity, 'procedureId' | 'participantId' | 'brokenById' | 'reason'>,
  ): Promise<SilenceBreakEntity> {
    const [row] = await plainRows<SilenceBreakEntity>(
      this.manager,
      `INSERT INTO silence_breaks AS b ("procedureId", "participantId", "brokenById", "brokenAt", reason)
       VALUES ($1, $2, $3, clock_timestamp(), $4) RETURNING ${BREAK_COLUMNS}`,
      [brk.procedureId, brk.participantId, brk.brokenById, brk.reason],
    );
    return row;
  }

  /** RUNNING procedures whose deadline the database's clock has passed. */
  async dueIds(): Promise<string[]> {
    const rows = await plainRows<{ id: string }>(
      this.manager,
      `SELECT p.id FROM silence_procedures p
       WHERE p.status = 'RUNNING' AND p.deadline <= clock_timestamp() ORDER BY p.deadline`,
      [],
    );
    return rows.map((r) => r.id);
  }

  /** RUNNING procedures whose deadline is still ahead (their jobs, re-scheduled at start). */
  async runningAhead(): Promise<Pick<SilenceProcedureEntity, 'id' | 'deadline'>[]> {
    return plainRows(
      this.manager,
      `SELECT p.id, p.deadline FROM silence_procedures p
       WHERE p.status = 'RUNNING' AND p.deadline > clock_timestamp()`,
      [],
    );
  }

  ofDocuments(documentIds: readonly string[]): Promise<SilenceProcedureEntity[]> {
    return plainRows(
      this.manager,
      `SELECT ${PROCEDURE_COLUMNS} FROM silence_procedures p
       WHERE p."documentId" = ANY($1) ORDER BY p."startedAt", p.id`,
      [documentIds],
    );
  }

  breaksOf(procedureIds: readonly string[]): Promise<SilenceBreakEntity[]> {
    return plainRows(
      this.manager,
      `SELECT ${BREAK_COLUMNS} FROM silence_breaks b
       WHERE b."procedureId" = ANY($1) ORDER BY b."brokenAt", b.id`,
      [procedureIds],
    );
  }

  /** Procedures CONCLUDED or BROKEN in [since, until), with their document's title. */
  endedBetween(
    since: Date | null,
    until: Date,
  ): Promise<(SilenceProcedureEntity & { documentTitle: string })[]> {
    return plainRows(
      this.manager,
      `SELECT ${PROCEDURE_COLUMNS}, d.title AS "documentTitle"
       FROM silence_procedures p JOIN documents d ON d.id = p."documentId"
       WHERE p.status IN ('CONCLUDED', 'BROKEN')
         AND ($1::timestamptz IS NULL OR p."concludedAt" >= $1) AND p."concludedAt" < $2
       ORDER BY p."concludedAt", p.id`,
      [since, until],
    );
  }

  /**
   * The time zone of the next meeting not cancelled, if one is planned: the default a deadline
   * is announced in. A read of the meetings table (the meetings library depends on this one,
   * so it cannot be asked).
   */
  async nextMeetingTimezone(): Promise<string | null> {
    const [row] = await plainRows<{ timezone: string }>(
      this.manager,
      `SELECT m.timezone FROM meetings m
       WHERE m."startsAt" > clock_timestamp() AND m.status <> 'CANCELLED'
       ORDER BY m."startsAt" LIMIT 1`,
      [],
    );
    return row?.timezone ?? null;
  }
}
