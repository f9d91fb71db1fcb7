import type { FormattedExecutionResult } from 'graphql';

/**
 * The JSON text of a compiled read's answer, as PostgreSQL built it: the response is written
 * with this text in place (`stringifyResult`), so a large answer is neither parsed into objects
 * nor serialised again. Anything else that serialises it gets the parsed value.
 */
export class CompiledJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * Apollo's `stringifyResult`: its default (`JSON.stringify` and a newline), except that the
 * root fields a compiled read answered are written as PostgreSQL's text.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const data = result.data as Record<string, unknown> | null | undefined;
  if (!data || !Object.values(data).some((value) => value instanceof CompiledJson))
    return JSON.stringify(result) + '\n';
  const fields = Object.entries(data).map(
    ([key, value]) =>
      `${JSON.stringify(key)}:${value instanceof CompiledJson ? value.text : JSON.stringify(value)}`,
  );
  const rest = JSON.stringify({ ...result, data: undefined });
  const others = rest === '{}' ? '' : `,${rest.slice(1, -1)}`;
  return `{"data":{${fields.join(',')}}${others}}\n`;
}
