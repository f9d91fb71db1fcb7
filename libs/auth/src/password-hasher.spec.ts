import { ARGON2_PARAMS, DECOY_HASH, PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  it('verifies unknown accounts against a decoy that costs what a real hash costs', () => {
    const params = Object.fromEntries(
      DECOY_HASH.split('$')[3]
        .split(',')
        .map((pair) => pair.split('=')),
    );
    expect(DECOY_HASH.startsWith('$argon2id$v=19$')).toBe(true);
    expect(params).toEqual({
      m: String(ARGON2_PARAMS.memoryCost),
      t: String(ARGON2_PARAMS.timeCost),
      p: String(ARGON2_PARAMS.parallelism),
    });
  });

  it('never lets an account without a password in', async () => {
    const hasher = new PasswordHasher();
    expect(await hasher.verify(null, 'decoy password that matches nothing')).toBe(false);
    expect(
      await hasher.verify(await hasher.hash('a real password here'), 'a real password here'),
    ).toBe(true);
  });
});
