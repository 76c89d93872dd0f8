import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  startStaticFileServer,
  StaticFileServer,
  urlReaderAllowing,
} from '../__testUtils__/staticFileServer';
import { describePlannedFiles, planSourceFiles } from './planSourceFiles';
import { readSourceFiles, SourceFileReadError } from './readSourceFiles';
import { parseDocuments } from './parseDocuments';

// The real URL reader (FetchUrlReader behind UrlReaders.default) reads
// fixture repositories from a real HTTP server on a loopback port.

const REPOSITORIES = path.resolve(
  __dirname,
  '../readiness/checks/__fixtures__/repositories',
);
const ANNOTATION = 'quality-gates/alert-rules';

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'subject', annotations },
    spec: { type: 'service', owner: 'group:default/team-a' },
  };
}

describe('source files', () => {
  let server: StaticFileServer;

  beforeAll(async () => {
    server = await startStaticFileServer(REPOSITORIES, {
      failingPaths: { '/crd-service/broken.yaml': 503 },
    });
  });
  afterAll(() => server.close());

  it('resolves annotated paths inside the source location and reads them', async () => {
    const entity = entityWith({
      'backstage.io/source-location': `url:${server.baseUrl}/annotated-service`,
      [ANNOTATION]:
        'observability/rules/api.yaml, /observability/rules/worker.yml,./nope.yaml',
    });
    const plan = planSourceFiles(entity, {
      annotation: ANNOTATION,
      conventionPaths: ['ignored.yaml'],
    });

    expect(plan.sourceLocation).toBe(`${server.baseUrl}/annotated-service/`);
    expect(plan.targets).toEqual([
      {
        path: 'observability/rules/api.yaml',
        url: `${server.baseUrl}/annotated-service/observability/rules/api.yaml`,
        declared: true,
      },
      {
        path: '/observability/rules/worker.yml',
        url: `${server.baseUrl}/annotated-service/observability/rules/worker.yml`,
        declared: true,
      },
      {
        path: './nope.yaml',
        url: `${server.baseUrl}/annotated-service/nope.yaml`,
        declared: true,
      },
    ]);

    const readout = await readSourceFiles(
      urlReaderAllowing(server.host),
      plan.targets,
    );
    expect(readout.found.map(file => file.path)).toEqual([
      'observability/rules/api.yaml',
      '/observability/rules/worker.yml',
    ]);
    expect(readout.found[0].text).toContain('InventoryApiErrors');
    expect(readout.notFound.map(target => target.path)).toEqual([
      './nope.yaml',
    ]);
  });

  it('tries the convention paths when the entity names no files', () => {
    const plan = planSourceFiles(
      entityWith({
        'backstage.io/source-location': `url:${server.baseUrl}/crd-service/`,
      }),
      { annotation: ANNOTATION, conventionPaths: ['a.yaml', 'deploy/b.yaml'] },
    );
    expect(plan.targets.map(target => [target.url, target.declared])).toEqual([
      [`${server.baseUrl}/crd-service/a.yaml`, false],
      [`${server.baseUrl}/crd-service/deploy/b.yaml`, false],
    ]);
    expect(describePlannedFiles(plan)).toBe(
      `a.yaml, deploy/b.yaml in ${server.baseUrl}/crd-service/`,
    );
  });

  it('reads absolute URLs without a source location and says which relative paths point nowhere', () => {
    const plan = planSourceFiles(
      entityWith({
        [ANNOTATION]: `${server.baseUrl}/crd-service/deploy/prometheus-rules.yaml,alerts.yaml`,
      }),
      { annotation: ANNOTATION, conventionPaths: ['a.yaml'] },
    );
    expect(plan.targets.map(target => target.url)).toEqual([
      `${server.baseUrl}/crd-service/deploy/prometheus-rules.yaml`,
    ]);
    expect(plan.unresolved).toEqual([
      'alerts.yaml (named in quality-gates/alert-rules) is a relative path, but the entity has no backstage.io/source-location annotation',
    ]);
    expect(plan.nothingToRead).toBeUndefined();
  });

  it('says why there is nothing to read', () => {
    expect(
      planSourceFiles(entityWith({}), {
        annotation: ANNOTATION,
        conventionPaths: ['a.yaml'],
      }).nothingToRead,
    ).toBe(
      'the entity has no backstage.io/source-location annotation and no quality-gates/alert-rules annotation',
    );
    expect(
      planSourceFiles(
        entityWith({ 'backstage.io/source-location': 'file:./checkout' }),
        { annotation: ANNOTATION, conventionPaths: ['a.yaml'] },
      ).nothingToRead,
    ).toBe(
      "the entity's backstage.io/source-location 'file:./checkout' is not a URL the backend can read and no quality-gates/alert-rules annotation",
    );
  });

  it('fails on read errors other than not found', async () => {
    const reader = urlReaderAllowing(server.host);
    const broken = {
      path: 'broken.yaml',
      url: `${server.baseUrl}/crd-service/broken.yaml`,
      declared: false,
    };
    await expect(readSourceFiles(reader, [broken])).rejects.toThrow(
      SourceFileReadError,
    );
    await expect(readSourceFiles(reader, [broken])).rejects.toThrow(
      `Could not read ${broken.url}: could not read ${broken.url}, 503 Service Unavailable`,
    );

    const notAllowed = { ...broken, url: 'http://127.0.0.2:1/x.yaml' };
    await expect(readSourceFiles(reader, [notAllowed])).rejects.toThrow(
      /Could not read http:\/\/127\.0\.0\.2:1\/x\.yaml: Reading from .* is not allowed/,
    );
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readSourceFiles(
        urlReaderAllowing(server.host),
        [
          {
            path: 'x.yaml',
            url: `${server.baseUrl}/crd-service/deploy/prometheus-rules.yaml`,
            declared: false,
          },
        ],
        controller.signal,
      ),
    ).rejects.toThrow(/abort/i);
  });
});

describe('parseDocuments', () => {
  it('parses multi-document YAML and leaves out empty documents', () => {
    expect(parseDocuments('a: 1\n---\n---\nb: [2]\n', 'x.yaml')).toEqual({
      documents: [{ a: 1 }, { b: [2] }],
    });
  });

  it('parses JSON and says where JSON and YAML are broken', () => {
    expect(parseDocuments('{"panels": []}', 'd.json')).toEqual({
      documents: [{ panels: [] }],
    });
    expect(parseDocuments('{"panels": [}', 'd.json')).toEqual({
      error: expect.stringMatching(/^not valid JSON: /),
    });
    expect(parseDocuments('a:\n  b: 1\n c: 2\n', 'x.yaml')).toEqual({
      error: expect.stringMatching(/^not valid YAML: .*line 3/),
    });
  });
});
