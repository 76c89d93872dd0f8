import { normaliseRepository, toIsoTimestamp } from './githubPayloadSchema';

describe('normaliseRepository', () => {
  it('names a repository by host and path, lower-case', () => {
    expect(
      normaliseRepository({
        full_name: 'Example-Corp/Checkout',
        html_url: 'https://github.com/Example-Corp/Checkout',
      }),
    ).toBe('github.com/example-corp/checkout');
  });

  it('keeps the host of GitHub Enterprise', () => {
    expect(
      normaliseRepository({
        full_name: 'platform/checkout',
        html_url: 'https://git.example-corp.com/platform/checkout/',
      }),
    ).toBe('git.example-corp.com/platform/checkout');
  });

  it('falls back to github.com and the full name', () => {
    expect(normaliseRepository({ full_name: 'example-corp/checkout' })).toBe(
      'github.com/example-corp/checkout',
    );
  });
});

describe('toIsoTimestamp', () => {
  it('reads ISO 8601 with offsets and epoch seconds, into UTC', () => {
    expect(toIsoTimestamp('2026-11-18T16:40:03+01:00')).toBe(
      '2026-11-18T15:40:03.000Z',
    );
    expect(toIsoTimestamp(1795168931)).toBe('2026-11-20T10:02:11.000Z');
  });
});
