import { DomainException } from '@accord/common';
import { languageCode } from './language-codes';

/** `raw` as a valid code that the document declares as authentic, or BAD_USER_INPUT naming `field`. */
export function declaredLanguage(
  document: { languages: readonly string[] },
  raw: string,
  field = 'language',
): string {
  const language = languageCode(raw, field);
  if (!document.languages.includes(language)) {
    throw DomainException.badInput(
      field,
      `"${language}" is not an authentic language of this document (${document.languages.join(', ')})`,
    );
  }
  return language;
}
