import { formatRef } from './formatRef';

describe('formatRef', () => {
  it('shortens branches, tags and pull request refs', () => {
    expect(formatRef('refs/heads/main')).toBe('main');
    expect(formatRef('refs/tags/v1.2.0')).toBe('v1.2.0');
    expect(formatRef('refs/pull/17/merge')).toBe('PR 17');
    expect(formatRef('feature/x')).toBe('feature/x');
    expect(formatRef(undefined)).toBe('—');
  });
});
