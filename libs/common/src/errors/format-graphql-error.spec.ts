import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatGraphQLError } from './format-graphql-error';

/** A driver error as node-postgres raises it, wrapped by TypeORM. */
function databaseError(code: string, message: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO users …',
    [],
    Object.assign(new Error(message), { code }),
  );
}

const format = (error: unknown) =>
  formatGraphQLError(
    { message: 'raw', path: ['createUser'] },
    new GraphQLError('raw', { originalError: error as Error, path: ['createUser'] }),
  );

describe(formatGraphQLError.name, () => {
  it.each([
    ['22001', 'value too long for type character varying(254)'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P02', 'invalid input syntax for type uuid: "x"'],
  ])('answers a data error %s as BAD_USER_INPUT without the driver text', (code, driverText) => {
    const formatted = format(databaseError(code, driverText));
    expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(formatted)).not.toContain(driverText);
  });

  it('answers an unexpected database error with a correlation id only', () => {
    const formatted = format(databaseError('XX000', 'internal error in relation "users"'));
    expect(formatted.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      correlationId: expect.any(String),
    });
    expect(formatted.message).toBe('Internal server error');
  });
});
