import {
  createSourceEventStream,
  execute,
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
} from 'graphql';

/** Checks the subscriber again before an event is resolved; returns the error that ends the subscription. */
export type EventGate = (contextValue: unknown) => Promise<GraphQLError | null>;

type Events = AsyncIterator<unknown> & Partial<AsyncIterable<unknown>>;

/**
 * graphql-js's `subscribe` with a gate before each event: the subscriber is re-authorised
 * (and gets fresh loaders) before the event is executed, and a refusal is sent as the
 * subscription's last result. Written as a plain iterator, not an async generator, so that
 * a client's `complete` releases the source at once even while it waits for an event.
 */
export async function reauthorisingSubscribe(
  args: ExecutionArgs,
  gate: EventGate,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]() as Events;
  let finished = false;
  const done = (): IteratorReturnResult<undefined> => ({ value: undefined, done: true });
  const finish = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!finished) {
      finished = true;
      await source.return?.();
    }
    return done();
  };
  const events: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return done();
      const step = await source.next();
      if (step.done || finished) return finish();
      const refusal = await gate(args.contextValue);
      if (refusal) {
        await finish();
        return { value: { errors: [refusal] }, done: false };
      }
      const result = await execute({ ...args, rootValue: step.value });
      return { value: result, done: false };
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return events;
}
