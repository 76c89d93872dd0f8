import { lagText } from './lagText';

describe('lagText', () => {
  it('counts versions and commits production lacks', () => {
    expect(lagText({ versionsAhead: 2, changesAhead: 5 })).toBe(
      '2 versions, 5 commits ahead of production',
    );
    expect(lagText({ versionsAhead: 1, changesAhead: 0 })).toBe(
      '1 version ahead of production',
    );
    expect(lagText({ versionsAhead: 0, changesAhead: 1 })).toBe(
      '1 commit ahead of production',
    );
  });

  it('says when nothing waits', () => {
    expect(lagText({ versionsAhead: 0, changesAhead: 0 })).toBe(
      'Nothing waiting for production',
    );
  });
});
