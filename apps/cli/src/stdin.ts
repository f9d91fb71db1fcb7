/** A secret piped on standard input (`… | npm run accord -- create-user --password-stdin`). */
export async function readSecretFromStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new Error('--password-stdin reads the password from a pipe: echo it into the command');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing line break is the pipe's (echo), not the password's.
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!secret) throw new Error('--password-stdin: standard input held no password');
  return secret;
}
