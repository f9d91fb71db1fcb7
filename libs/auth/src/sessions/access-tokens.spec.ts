import { createSecretKey, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AccessTokens, JWT_VERIFY_OPTIONS } from './access-tokens';

const SECRET = createSecretKey(Buffer.from('a-secret-of-the-tests-only-0123456789', 'utf8'));

describe(AccessTokens.name, () => {
  let now: number;
  let tokens: AccessTokens;
  beforeEach(() => {
    now = Date.UTC(2026, 10, 30, 12, 0, 0);
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    tokens = new AccessTokens(
      new JwtService({
        secret: SECRET,
        signOptions: { expiresIn: 60, algorithm: 'HS256' },
        verifyOptions: JWT_VERIFY_OPTIONS,
      }),
    );
  });
  afterEach(() => jest.restoreAllMocks());

  it('accepts a token again until the second its expiry names, not after', async () => {
    const sub = randomUUID();
    const sid = randomUUID();
    const { accessToken } = await tokens.sign(sub, sid);
    expect(await tokens.verify(accessToken)).toMatchObject({ sub, sid });
    now += 59_999;
    expect(await tokens.verify(accessToken)).toMatchObject({ sub, sid });
    now += 1;
    expect(await tokens.verify(accessToken)).toBeNull();
    expect(await tokens.verify(accessToken)).toBeNull();
  });

  it('refuses a token whose signature or claims were altered, though the original was accepted', async () => {
    const { accessToken } = await tokens.sign(randomUUID(), randomUUID());
    expect(await tokens.verify(accessToken)).not.toBeNull();
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString(
      'base64url',
    );
    expect(await tokens.verify(`${header}.${forged}.${signature}`)).toBeNull();
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'AB' : 'AA');
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toBeNull();
  });

  it('hands out claims no caller can change for the next request', async () => {
    const sub = randomUUID();
    const { accessToken } = await tokens.sign(sub, randomUUID());
    const first = (await tokens.verify(accessToken))!;
    expect(() => Object.assign(first, { sub: randomUUID() })).toThrow(TypeError);
    expect((await tokens.verify(accessToken))!.sub).toBe(sub);
  });
});
