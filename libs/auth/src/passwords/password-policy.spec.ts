import { DomainException } from '@accord/common';
import { PasswordPolicy } from './password-policy';

const owner = { email: 'harriet.head@fcdo.example', displayName: 'Harriet Head (UK)' };

describe(PasswordPolicy.name, () => {
  const policy = new PasswordPolicy();

  it.each([
    ['a phrase of unrelated words', 'correct horse battery staple'],
    ['a long passphrase with punctuation', 'thunder-mosaic-lantern-42'],
    ['exactly twelve random characters', 'kV9#qZ2!mW7x'],
    ['non-Latin scripts, counted in code points', 'Ελευθερία-και-θάλασσα'],
    ['emoji and spaces inside', 'sunrise 🌄 over the 🏔 glacier'],
    ['256 code points', 'correct horse battery staple '.repeat(9).slice(0, 256)],
  ])('accepts %s', async (_why, password) => {
    expect(await policy.problemWith(password, owner)).toBeNull();
  });

  it.each([
    ['whitespace only', '                ', /only spaces/],
    ['tabs and newlines only', '\t\t\n\n\t\t\n\n\t\t\n\n\t', /only spaces/],
    ['11 characters', 'kV9#qZ2!mW7', /at least 12 characters long \(it has 11\)/],
    ['11 code points in 22 UTF-16 units', '🌄🏔🌊🌲🌵🌴🌳🌿🍀🍁🍂', /at least 12 characters/],
    ['257 characters', 'x7!'.repeat(86).slice(0, 257), /at most 256 characters/],
    ['a common password', '123456789012', /commonly used password/],
    ['another common password', '1q2w3e4r5t6y', /commonly used password/],
    ['a common password in capitals', 'QWERTYUIOPASDFGH', /too easy to guess|commonly used/],
    ['a repeated word', 'passwordpassword', /too easy to guess/],
    ['a keyboard sequence', 'abcdefghijklmnop', /too easy to guess/],
    ['a l33t common password with digits', 'P@ssw0rd12345', /too easy to guess|commonly used/],
    ['the whole email', 'my harriet.head@fcdo.example secret', /email address/],
    ['the email local part', 'xx-HARRIET.HEAD-zz-42-kite', /email address/],
  ])('refuses %s', async (_why, password, reason) => {
    expect(await policy.problemWith(password, owner)).toMatch(reason);
  });

  it.each([
    ['the whole name', 'I am Harriet Head (UK) and proud'],
    ['a longer part of the name, in another case', 'HARRIET-plays-the-violin'],
  ])('refuses %s', async (_why, password) => {
    const shortEmail = { ...owner, email: 'hh@fcdo.example' };
    expect(await policy.problemWith(password, shortEmail)).toMatch(/name of the account/);
  });

  it('ignores name parts too short to be personal ("UK")', async () => {
    expect(await policy.problemWith('uk-thunder-mosaic-lantern', owner)).toBeNull();
  });

  it('throws BAD_USER_INPUT naming the field, with the reason in the message', async () => {
    const error = await policy
      .assertAcceptable('short', owner, 'newPassword')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'newPassword' },
      message: 'newPassword must be at least 12 characters long (it has 5)',
    });
  });
});
