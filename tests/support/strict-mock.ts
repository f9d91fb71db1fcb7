/**
 * A typed mock whose every method throws unless the test gave it an implementation: an
 * unexpected call fails the test instead of returning undefined.
 */
export function strictMock<T extends object>(
  implementations: { [K in keyof T]?: jest.Mock } = {},
): jest.Mocked<T> {
  const given = implementations as Record<string | symbol, jest.Mock>;
  return new Proxy({} as jest.Mocked<T>, {
    get(_target, property) {
      if (property in given) return given[property];
      if (property === 'then') return undefined;
      return () => {
        throw new Error(`Unexpected call to ${String(property)}()`);
      };
    },
  });
}
