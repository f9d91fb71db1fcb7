/** DataLoader wants results in key order; missing keys become null. */
export function orderByKeys<K, V>(
  keys: readonly K[],
  rows: V[],
  keyOf: (row: V) => K,
): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}
