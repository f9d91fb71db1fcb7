/**
 * Loaded with `node -r` before PostGraphile 5 (which declares Node >= 22) when the bench runs
 * it on Node 20: grafast and grafserv call Promise.withResolvers (Node 22+), the only newer API
 * found in their code. On Node 22+ this file does nothing.
 */
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
