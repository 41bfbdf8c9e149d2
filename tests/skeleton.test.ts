import { describe, expect, it } from 'vitest';
import { DEFAULT_FINDER_SETTINGS } from '../lib/sequels/types';

describe('finder defaults', () => {
  it('follows only SEQUEL edges', () => {
    expect(DEFAULT_FINDER_SETTINGS.relations).toEqual(['SEQUEL']);
  });
});
