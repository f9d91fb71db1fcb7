import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ClauseKind } from '@accord/common';
import { countBrackets } from '../brackets';
import { ClauseEntity } from '../clause.entity';

@ObjectType('Clause')
export class ClauseModel {
  @Field(() => ID)
  id: string;

  documentId: string;

  @Field(() => Int)
  position: number;

  @Field({ description: 'Display number, e.g. "3"; empty for headings' })
  number: string;

  @Field(() => ClauseKind)
  kind: ClauseKind;

  @Field()
  text: string;

  @Field(() => Int, { description: 'Row version for optimistic locking' })
  version: number;

  @Field(() => Int, { description: 'Bracketed passages not yet agreed' })
  openBrackets: number;

  @Field({ description: 'False when a bracket is never closed or closes nothing' })
  bracketsBalanced: boolean;

  static from(entity: ClauseEntity, number: string): ClauseModel {
    const brackets = countBrackets(entity.text);
    return Object.assign(new ClauseModel(), {
      id: entity.id,
      documentId: entity.documentId,
      position: entity.position,
      number,
      kind: entity.kind,
      text: entity.text,
      version: entity.version,
      openBrackets: brackets.open,
      bracketsBalanced: !brackets.unbalanced,
    });
  }
}
