import { TEXT_LIMITS } from '@accord/common';
import slugify from 'slugify';

/** A slug is lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Room left for a "-<n>" suffix when the slug derived from the title is taken. */
const SUFFIX_ROOM = 6;

/** The slug derived from a title (letters transliterated, punctuation dropped); "document" when nothing is left. */
export function slugFromTitle(title: string): string {
  const slug = slugify(title, { lower: true, strict: true, trim: true })
    .slice(0, TEXT_LIMITS.slug - SUFFIX_ROOM)
    .replace(/-+$/, '');
  return slug || 'document';
}
