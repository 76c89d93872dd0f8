import { parsePackageUrl } from './packageUrl';

describe('parsePackageUrl', () => {
  it('reads an OCI image by digest, decoding the version', () => {
    expect(
      parsePackageUrl(
        'pkg:oci/checkout@sha256%3A0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427?repository_url=ghcr.io/example-corp/checkout&tag=1.4.0',
      ),
    ).toEqual({
      type: 'oci',
      name: 'checkout',
      version:
        'sha256:0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427',
      qualifiers: {
        repository_url: 'ghcr.io/example-corp/checkout',
        tag: '1.4.0',
      },
    });
  });

  it('splits namespace and name; the version is after the last @', () => {
    expect(
      parsePackageUrl(
        'pkg:golang/mygit.com/myorg/myapp@234fd47e07d1004f0aed9c',
      ),
    ).toEqual({
      type: 'golang',
      namespace: 'mygit.com/myorg',
      name: 'myapp',
      version: '234fd47e07d1004f0aed9c',
      qualifiers: {},
    });
    expect(parsePackageUrl('pkg:npm/%40example-corp/checkout@2.0.1')).toEqual(
      expect.objectContaining({
        namespace: '@example-corp',
        name: 'checkout',
        version: '2.0.1',
      }),
    );
  });

  it('keeps an @ inside a qualifier out of the version', () => {
    expect(
      parsePackageUrl('pkg:maven/org.example/app@1.0?vcs_url=git%40host:app'),
    ).toEqual(
      expect.objectContaining({
        name: 'app',
        version: '1.0',
        qualifiers: { vcs_url: 'git@host:app' },
      }),
    );
  });

  it('reads the subpath and tolerates a lower-case type in any case', () => {
    expect(
      parsePackageUrl('PKG:Docker/library/nginx@1.25#docs/./readme'),
    ).toEqual({
      type: 'docker',
      namespace: 'library',
      name: 'nginx',
      version: '1.25',
      qualifiers: {},
      subpath: 'docs/readme',
    });
  });

  it('has no version when the purl names none', () => {
    expect(parsePackageUrl('pkg:oci/checkout')?.version).toBeUndefined();
  });

  it('keeps a malformed percent-escape as written', () => {
    expect(parsePackageUrl('pkg:generic/app@1.0%ZZ')?.version).toBe('1.0%ZZ');
  });

  it.each([
    '',
    'checkout:1.4.0',
    'https://example.com/app@1',
    'pkg:oci',
    'pkg:/x',
  ])('rejects %p as not a purl', value => {
    expect(parsePackageUrl(value)).toBeUndefined();
  });
});
