import { auditStreamOf, PLATFORM_STREAM } from './audit-stream';

describe(auditStreamOf.name, () => {
  it.each([
    [{ entityType: 'Document', entityId: 'd1' }, 'document:d1'],
    [{ entityType: 'Comment', entityId: 'c1', details: { documentId: 'd1' } }, 'document:d1'],
    [{ entityType: 'Signature', entityId: 's1', details: { documentId: 'd1' } }, 'document:d1'],
    [{ entityType: 'Meeting', entityId: 'm1' }, 'meeting:m1'],
    [{ entityType: 'Participant', entityId: 'p1' }, 'participant:p1'],
    [{ entityType: 'User', entityId: 'u1' }, 'user:u1'],
    [{ entityType: 'Session', entityId: 's1', details: { userId: 'u1' } }, 'user:u1'],
    [{ entityType: 'User', entityId: null }, PLATFORM_STREAM],
    [{ entityType: 'ActionItem', entityId: 'a1', details: { raisedAtId: 'm1' } }, PLATFORM_STREAM],
    [{ entityType: 'User', entityId: 'x'.repeat(81) }, PLATFORM_STREAM],
    [{ entityType: 'Document', entityId: 'd1', stream: 'meeting:m1' }, 'meeting:m1'],
  ])('puts %j in %s', (record, stream) => {
    expect(auditStreamOf(record)).toBe(stream);
  });
});
