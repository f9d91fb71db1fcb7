import { Logger } from '@nestjs/common';
import { NestPinoLogger } from './nest-pino-logger';
import { createRootLogger } from './root-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createRootLogger(
    { logLevel: 'log', logFormat: 'json' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

describe('root logger', () => {
  it('censors secrets a careless log call would pass, at the top level and one level down', () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: 'p1',
        headers: { authorization: 'Bearer t1' },
        input: { password: 'p2', token: 't2', totpCode: '123456' },
        variables: { anything: 'v1' },
        session: { refreshToken: 'r1', cookie: 'c1' },
      },
      'careless',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['p1', 'p2', 't1', 't2', '123456', 'v1', 'r1', 'c1'])
      expect(text).not.toContain(`"${secret}"`);
    expect(lines[0]).toMatchObject({ password: '[redacted]', input: { password: '[redacted]' } });
  });

  it("carries Nest's lines as JSON with their context and fields, below the level dropped", () => {
    const { logger, lines } = capture();
    const nest = new NestPinoLogger(logger);
    nest.log('started', 'Bootstrap');
    nest.error({ msg: 'internal error', reqId: 'abc' }, 'GraphQLError');
    nest.error('failed', 'Error: x\n    at y', 'Jobs');
    nest.debug('hidden', 'Bootstrap');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Bootstrap', msg: 'started' }),
      expect.objectContaining({
        level: 50,
        context: 'GraphQLError',
        msg: 'internal error',
        reqId: 'abc',
      }),
      expect.objectContaining({
        level: 50,
        context: 'Jobs',
        msg: 'failed',
        err: 'Error: x\n    at y',
      }),
    ]);
    // Through Nest's Logger class, as the app's code calls it.
    Logger.overrideLogger(nest);
    new Logger('Seed').warn('through Nest');
    expect(lines[3]).toMatchObject({ level: 40, context: 'Seed', msg: 'through Nest' });
  });
});
