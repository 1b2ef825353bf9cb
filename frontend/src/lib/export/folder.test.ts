import { describe, expect, it } from 'vitest';
import { rememberFolder, rememberedFolder } from './folder';

describe('remembered folder', () => {
  it('keeps the last folder, trimmed, and ignores blanks', () => {
    rememberFolder('  /srv/site/content/posts ');
    expect(rememberedFolder()).toBe('/srv/site/content/posts');
    rememberFolder('   ');
    expect(rememberedFolder()).toBe('/srv/site/content/posts');
  });
});
