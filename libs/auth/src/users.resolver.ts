import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission, PlatformRole } from '@accord/common';
import { CreateUserInput } from './dto/create-user.input';
import { UsersArgs } from './dto/users.args';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Mutation(() => UserModel)
  @Permission('user.create')
  async createUser(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return UserModel.from(await this.usersService.create(actor, input));
  }

  @Query(() => [UserModel], { description: 'Ordered by email; `after` is the last email seen' })
  @Permission('user.list')
  async users(@CurrentUser() actor: Actor | null, @Args() args: UsersArgs): Promise<UserModel[]> {
    return (await this.usersService.list(actor, args.first, args.after ?? null)).map(
      UserModel.from,
    );
  }

  @Mutation(() => UserModel, {
    description: 'Admins only; takes effect on the user’s very next request',
  })
  @Permission('user.disable')
  async setUserDisabled(
    @CurrentUser() actor: Actor | null,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('disabled') disabled: boolean,
  ): Promise<UserModel> {
    return UserModel.from(await this.usersService.setDisabled(actor, userId, disabled));
  }

  @Mutation(() => UserModel, { description: 'Admins only' })
  @Permission('user.setRole')
  async setPlatformRole(
    @CurrentUser() actor: Actor | null,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('platformRole', { type: () => PlatformRole }) platformRole: PlatformRole,
  ): Promise<UserModel> {
    return UserModel.from(await this.usersService.setRole(actor, userId, platformRole));
  }
}
