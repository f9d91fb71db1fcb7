import { TestApp } from '../support/test-app';
import { ok } from './drafting-fixtures';

export const PROCEDURE_FIELDS = `id status startedAt deadline timezone concludedAt cancelReason
  document { id status adoptedAt } startedBy { id } breaks { participant { id } brokenAt reason }`;
export const START = `mutation($documentId: ID!, $deadline: DateTime!, $timezone: String) {
  startSilenceProcedure(documentId: $documentId, deadline: $deadline, timezone: $timezone) { ${PROCEDURE_FIELDS} } }`;
export const BREAK = `mutation($id: ID!, $reason: String!) {
  breakSilence(procedureId: $id, reason: $reason) { ${PROCEDURE_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $reason: String!) {
  cancelSilenceProcedure(procedureId: $id, reason: $reason) { ${PROCEDURE_FIELDS} } }`;
export const DOCUMENT_SILENCE = `query($id: ID) { document(id: $id) { id status adoptedAt
  silenceProcedure { id status deadline } silenceProcedures { id status } } }`;

export const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Starts silence as `token` (the secretariat) and returns the procedure. */
export async function startSilence(
  t: TestApp,
  token: string,
  documentId: string,
  deadline: string,
  timezone?: string,
): Promise<{ id: string; deadline: string; status: string; timezone: string }> {
  return ok(await t.gql(START, { documentId, deadline, timezone }, token)).startSilenceProcedure;
}

/** Moves a procedure's deadline into the past (test data: as if the time had come). */
export async function passDeadline(t: TestApp, procedureId: string): Promise<Date> {
  const [row] = await t.dataSource.query(
    `UPDATE silence_procedures SET deadline = date_trunc('milliseconds', clock_timestamp()) - interval '1 second'
     WHERE id = $1 RETURNING deadline`,
    [procedureId],
  );
  return (row as { deadline: Date }[])[0].deadline;
}
