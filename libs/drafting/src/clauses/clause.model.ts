import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ClauseKind } from '@accord/common';
import { countBrackets } from './brackets';
import { ClauseEntity } from './clause.entity';
import type { DocumentRef } from '@accord/policy';

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

  /** When the text last changed (the language of negotiation's entry in Clause.translations). */
  updatedAt?: Date;

  @Field(() => Int, { description: 'Bracketed passages not yet agreed' })
  openBrackets: number;

  @Field({ description: 'False when a bracket is never closed or closes nothing' })
  bracketsBalanced: boolean;

  /**
   * The document this clause was read through (Document.clauses), as read in this request:
   * Clause.amendments and Clause.comments check it instead of reading the document again.
   */
  document?: DocumentRef;

  static from(entity: ClauseEntity, number: string, document?: DocumentRef): ClauseModel {
    const brackets = countBrackets(entity.text);
    const model = new ClauseModel();
    model.id = entity.id;
    model.documentId = entity.documentId;
    model.position = entity.position;
    model.number = number;
    model.kind = entity.kind;
    model.text = entity.text;
    model.version = entity.version;
    model.updatedAt = entity.updatedAt;
    model.openBrackets = brackets.open;
    model.bracketsBalanced = !brackets.unbalanced;
    model.document = document;
    return model;
  }
}
