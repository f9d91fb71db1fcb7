/**
 * Before anything is measured: each read is asked of the three servers, brought to one
 * canonical form, and compared. Any difference stops the bench with the first place it occurs.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ReadScenario } from './scenarios';
import type { RunningServer } from './servers';

export async function ask(server: RunningServer, scenario: ReadScenario): Promise<unknown> {
  const request = scenario.requests[server.name];
  const response = await fetch(server.base + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${server.name}, ${scenario.key}: HTTP ${response.status} ${text.slice(0, 300)}`,
    );
  return JSON.parse(text);
}

/** Where two values first differ, as a path (for the error message). */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as any)[key];
    const y = (b as any)[key];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${key}`);
  }
  return `${path}: equal`;
}

export async function checkSameData(
  servers: RunningServer[],
  scenarios: ReadScenario[],
  log: (m: string) => void,
): Promise<void> {
  for (const scenario of scenarios) {
    const canonical: unknown[] = [];
    for (const server of servers) {
      let value: unknown;
      try {
        value = scenario.normalise[server.name](await ask(server, scenario));
      } catch (error) {
        throw new Error(
          `Data check, ${scenario.key}, ${server.name}: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      const problem = scenario.expect(value);
      if (problem) throw new Error(`Data check, ${scenario.key}, ${server.name}: ${problem}`);
      canonical.push(value);
    }
    for (let i = 1; i < servers.length; i++) {
      if (!isDeepStrictEqual(canonical[0], canonical[i]))
        throw new Error(
          `Data check FAILED, ${scenario.key}: ${servers[0].name} and ${servers[i].name} differ at ${firstDifference(canonical[0], canonical[i])}`,
        );
    }
    log(`  ${scenario.key}: the three servers return the same data`);
  }
}
