import { commitShaField, normaliseRepository } from './repository';

describe('normaliseRepository', () => {
  it.each([
    ['github.com/Example-Corp/Checkout', 'github.com/example-corp/checkout'],
    [
      'https://github.com/example-corp/checkout.git',
      'github.com/example-corp/checkout',
    ],
    [
      'https://github.com/example-corp/checkout/',
      'github.com/example-corp/checkout',
    ],
    [
      'git@github.com:example-corp/checkout.git',
      'github.com/example-corp/checkout',
    ],
    [
      'ssh://git@gitlab.example.com:2222/group/sub/app',
      'gitlab.example.com/group/sub/app',
    ],
    ['https://git.example.com:8443/team/app', 'git.example.com:8443/team/app'],
    ['localhost:3000/team/app', 'localhost:3000/team/app'],
  ])('normalises %p to %p', (value, expected) => {
    expect(normaliseRepository(value)).toBe(expected);
  });

  it.each([
    'example-corp/checkout',
    'checkout',
    'github.com',
    'github.com//x',
    'https://',
  ])('refuses %p, whose host or path is unknown', value => {
    expect(normaliseRepository(value)).toBeUndefined();
  });
});

describe('commitShaField', () => {
  it('accepts full SHA-1 and SHA-256 ids, lower-cased', () => {
    expect(commitShaField.parse('A'.repeat(40))).toBe('a'.repeat(40));
    expect(commitShaField.parse('b'.repeat(64))).toBe('b'.repeat(64));
  });

  it('refuses abbreviated or non-hex ids', () => {
    for (const sha of ['abc1234', 'g'.repeat(40), 'a'.repeat(41)]) {
      expect(commitShaField.safeParse(sha).success).toBe(false);
    }
  });
});
