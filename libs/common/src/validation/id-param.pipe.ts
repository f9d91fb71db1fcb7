import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { isUuid } from './is-uuid';

/** A REST path parameter that must be an id: 400 BAD_USER_INPUT naming it otherwise. */
@Injectable()
export class IdParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, { data }: ArgumentMetadata): string {
    const name = data ?? 'id';
    if (typeof value !== 'string' || !isUuid(value))
      throw DomainException.badInput(name, `${name} must be a valid id`);
    return value;
  }
}
