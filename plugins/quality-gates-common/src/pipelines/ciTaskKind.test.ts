import { ciTaskKind } from './ciTaskKind';

describe('ciTaskKind', () => {
  it('classifies common job names whatever type the producer declared', () => {
    const kinds = Object.fromEntries(
      [
        'setup',
        'lint',
        'image',
        'unit tests',
        'build',
        'deploy-staging',
        'docker_push',
        'e2e',
        'checkout',
        'typecheck',
        'security-scan',
        'release',
      ].map(name => [name, ciTaskKind(name, 'test')]),
    );
    expect(kinds).toEqual({
      setup: 'setup',
      lint: 'lint',
      image: 'package',
      'unit tests': 'test',
      build: 'build',
      'deploy-staging': 'deploy',
      docker_push: 'package',
      e2e: 'test',
      checkout: 'setup',
      typecheck: 'lint',
      'security-scan': 'security',
      release: 'release',
    });
  });

  it('prefers the specific word: building an image is packaging', () => {
    expect(ciTaskKind('Build image')).toBe('package');
    expect(ciTaskKind('build and test')).toBe('test');
  });

  it('falls back to the declared conventions type, else to nothing', () => {
    expect(ciTaskKind('job-42', 'deploy')).toBe('deploy');
    expect(ciTaskKind('job-42', 'Build')).toBe('build');
    expect(ciTaskKind('job-42', 'whatever')).toBeUndefined();
    expect(ciTaskKind(undefined)).toBeUndefined();
  });
});
