import { TEXT_LIMITS } from '@accord/common';
import { SLUG_PATTERN, slugFromTitle } from './document-slug';

describe(slugFromTitle.name, () => {
  it.each([
    [
      'The Pall Mall Process Code of Practice for States',
      'the-pall-mall-process-code-of-practice-for-states',
    ],
    ['Déclaration de Paris — 2025', 'declaration-de-paris-2025'],
    ['  spaces   everywhere  ', 'spaces-everywhere'],
    ['!!!', 'document'],
  ])('%p → %p', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(slugFromTitle(title)).toMatch(SLUG_PATTERN);
  });

  it('leaves room for a numeric suffix within the slug limit, without a trailing hyphen', () => {
    const slug = slugFromTitle('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(TEXT_LIMITS.slug - 6);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});
