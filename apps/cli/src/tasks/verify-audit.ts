import { AuditService } from '@accord/audit';
import { withApp } from '../cli-context';

/** Exit code of a chain that does not verify (1 is any other failure). */
export const EXIT_AUDIT_BROKEN = 2;

export async function verifyAudit(): Promise<void> {
  const result = await withApp((app) => app.get(AuditService).verifyByOperator());
  const summary = `${result.checked} events and ${result.checkpointsChecked} checkpoints checked`;
  if (result.ok) {
    console.log(`Audit chain intact: ${summary}.`);
    return;
  }
  console.error(
    `Audit chain BROKEN (${result.problem}) at event ${result.firstBrokenId}: ${result.detail}. ` +
      `${summary}; the last event a valid checkpoint vouches for is ${result.lastCheckpointEventId ?? 'none'}.`,
  );
  process.exitCode = EXIT_AUDIT_BROKEN;
}
