import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { AgendaItemInput } from './agenda-item.input';

@ArgsType()
export class UpdateAgendaArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'meetingId must be a valid id' })
  meetingId: string;

  @Field(() => [AgendaItemInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'items must hold at least one item' })
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  items: AgendaItemInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'true: keep each item’s startsAt/endsAt as given; false: lay times out again from the start, with the standard breaks',
  })
  @IsBoolean()
  keepTimes: boolean;
}
