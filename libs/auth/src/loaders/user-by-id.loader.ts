import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { UserEntity } from '../user.entity';
import { UsersRepository } from '../users.repository';

export type UserByIdLoaderInstance = DataLoader<string, UserEntity | null>;

@Injectable()
export class UserByIdLoader implements LoaderFactory<UserByIdLoaderInstance> {
  constructor(private readonly users: UsersRepository) {}

  create(): UserByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.users.getByIds(ids), (user) => user.id),
    );
  }
}
