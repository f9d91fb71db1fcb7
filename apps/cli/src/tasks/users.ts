import { checkText, createValidationPipe } from '@accord/common';
import { CreateUserInput, PasswordsService, UsersService } from '@accord/auth';
import { VIA_CLI, withApp } from '../cli-context';
import { readSecretFromStdin } from '../stdin';

const RESET_HELP =
  'Give it to the user: they set their password with the GraphQL mutation\n' +
  '  resetPassword(token: "<ticket>", newPassword: "<new password>")\n' +
  'It works once, and voids any earlier ticket of this user.';

/** The GraphQL input's own rules (text kinds, then the DTO's validators), field named on failure. */
async function validInput(raw: {
  email: string;
  displayName: string;
  password?: string;
  platformRole: string;
}): Promise<CreateUserInput> {
  const input = {
    email: checkText(raw.email, 'plain', 'email'),
    displayName: checkText(raw.displayName, 'name', 'displayName'),
    password:
      raw.password === undefined ? undefined : checkText(raw.password, 'secret', 'password'),
    platformRole: raw.platformRole,
  };
  return (await createValidationPipe().transform(input, {
    type: 'body',
    metatype: CreateUserInput,
  })) as CreateUserInput;
}

export async function createUser(options: {
  email: string;
  name: string;
  role: string;
  passwordStdin?: boolean;
}): Promise<void> {
  const password = options.passwordStdin ? await readSecretFromStdin() : undefined;
  const input = await validInput({
    email: options.email,
    displayName: options.name,
    password,
    platformRole: options.role,
  });
  await withApp(async (app) => {
    const user = await app.get(UsersService).createByOperator(input, VIA_CLI);
    console.log(`Created ${user.platformRole} user ${user.email} (id ${user.id}).`);
    if (password) return;
    const ticket = await app.get(PasswordsService).issueResetByOperator(user, VIA_CLI);
    console.log(`Password reset ticket, valid until ${ticket.expiresAt.toISOString()}:`);
    console.log(ticket.token);
    console.log(RESET_HELP);
  });
}

export async function resetPassword(options: { email: string }): Promise<void> {
  const email = checkText(options.email, 'plain', 'email');
  await withApp(async (app) => {
    const user = await app.get(UsersService).findByEmail(email);
    if (!user) throw new Error(`No user has the email ${email}`);
    const ticket = await app.get(PasswordsService).issueResetByOperator(user, VIA_CLI);
    console.log(
      `Password reset ticket for ${user.email}, valid until ${ticket.expiresAt.toISOString()}:`,
    );
    console.log(ticket.token);
    console.log(RESET_HELP);
  });
}
