import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ClauseChange, DiffOp } from '@accord/common';

@ObjectType('DiffChunk')
export class DiffChunkModel {
  @Field(() => DiffOp)
  op: DiffOp;

  @Field()
  text: string;
}

@ObjectType('ClauseDiff')
export class ClauseDiffModel {
  @Field(() => ID)
  clauseId: string;

  @Field({
    description: 'The clause’s number in the later version (in the earlier one when removed)',
  })
  number: string;

  @Field(() => ClauseChange)
  change: ClauseChange;

  @Field(() => [DiffChunkModel])
  chunks: DiffChunkModel[];
}
