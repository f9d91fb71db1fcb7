import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DocumentKind, DocumentStatus, ParticipantKind } from '@accord/common';
import { DocumentEntity, TitleTranslation } from './document.entity';

/** Scalar fields; clauses, amendments, versions, signatures… are resolved by their own resolvers. */
@ObjectType('Document')
export class DocumentModel {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  /** In the language of negotiation; the field title(language:) is resolved by DocumentLanguagesResolver. */
  title: string;

  @Field(() => [String], {
    description: 'Authentic languages; the first is the language of negotiation',
  })
  languages: string[];

  titleTranslations: Record<string, TitleTranslation>;

  @Field(() => DocumentKind)
  kind: DocumentKind;

  @Field(() => DocumentStatus)
  status: DocumentStatus;

  @Field(() => [ParticipantKind])
  eligibleKinds: ParticipantKind[];

  @Field(() => Int, { description: 'Number of the latest DocumentVersion' })
  version: number;

  @Field(() => Date, { nullable: true })
  adoptedAt: Date | null;

  @Field(() => String, { nullable: true })
  adoptedHash: string | null;

  @Field(() => Int, { nullable: true, description: 'The number of the version adopted' })
  adoptedVersion: number | null;

  @Field({ description: 'Whether participants may make reservations to the adopted text' })
  reservationsAllowed: boolean;

  static from(entity: DocumentEntity): DocumentModel {
    const model = new DocumentModel();
    model.id = entity.id;
    model.slug = entity.slug;
    model.title = entity.title;
    model.languages = entity.languages;
    model.titleTranslations = entity.titleTranslations;
    model.kind = entity.kind;
    model.status = entity.status;
    model.eligibleKinds = entity.eligibleKinds;
    model.version = entity.currentVersion;
    model.adoptedAt = entity.adoptedAt;
    model.adoptedHash = entity.adoptedHash;
    model.adoptedVersion = entity.adoptedVersion;
    model.reservationsAllowed = entity.reservationsAllowed;
    return model;
  }
}
