import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidationArguments } from 'class-validator';
import type { TextKind } from '../text/text-kind';
import { textProblem } from '../text/text-problem';

const TEXT_KIND = 'accord:text-kind';

/** The kind declared on a DTO property (inherited ones included), if any. */
export function declaredTextKind(target: object, property: string): TextKind | undefined {
  return Reflect.getMetadata(TEXT_KIND, target, property) as TextKind | undefined;
}

function textKind(kind: TextKind): PropertyDecorator {
  return applyDecorators(
    (target: object, property: string | symbol) =>
      Reflect.defineMetadata(TEXT_KIND, kind, target, property),
    // Also checked by class-validator, for DTOs that do not come through GraphQL (REST bodies).
    ValidateBy({
      name: `${kind}Text`,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !textProblem(value, kind),
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${property} ${textProblem(String(value), kind)}`,
      },
    }),
  );
}

/*
 * Every String argument and input field of the GraphQL API is checked as single-line plain
 * text unless its DTO property says otherwise with one of these (see libs/common/src/validation/input-gate.ts).
 */

/** Prose by nature: tab, LF and CR allowed (clause text, comments, statements, notes, reasons). */
export const MultilineText = () => textKind('multiline');
/** A name or title: single line, normalised (NFC, invisible characters removed, trimmed). */
export const NameText = () => textKind('name');
/** A password: kept exactly as typed; only NUL is refused. */
export const SecretText = () => textKind('secret');
/** Single-line text: the default, stated where it helps the reader. */
export const PlainText = () => textKind('plain');
