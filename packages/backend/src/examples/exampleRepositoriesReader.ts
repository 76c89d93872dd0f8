import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ReaderFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';

/**
 * Demo only: serves the example catalog's "repositories" from this checkout,
 * so readiness can read their alert rules and dashboards without a git host.
 * URLs under `exampleRepositories.baseUrl` (a host that does not exist) map
 * to files under `exampleRepositories.directory`. Production backends use
 * the git hosts' readers instead and leave this out.
 */
const exampleRepositoriesReaderFactory: ReaderFactory = ({ config }) => {
  const settings = config.getOptionalConfig('exampleRepositories');
  if (!settings) return [];
  const baseUrl = settings.getString('baseUrl').replace(/\/?$/, '/');
  const directory = path.resolve(settings.getString('directory'));

  const fileOf = (url: string) => {
    const relative = decodeURIComponent(url.slice(baseUrl.length));
    const file = path.resolve(directory, relative);
    if (!file.startsWith(directory + path.sep)) {
      throw new NotAllowedError(`${url} is outside the example repositories`);
    }
    return file;
  };

  const readUrl = async (url: string) => {
    const file = fileOf(url.split(/[?#]/)[0]);
    const buffer = await fs.readFile(file).catch(error => {
      if (error.code === 'ENOENT' || error.code === 'EISDIR') {
        throw new NotFoundError(`${url} does not exist`);
      }
      throw error;
    });
    return {
      buffer: async () => buffer,
      stream: () => Readable.from(buffer),
    };
  };

  return [
    {
      predicate: (url: URL) => url.href.startsWith(baseUrl),
      reader: {
        readUrl,
        async readTree() {
          throw new NotAllowedError(
            'The example repositories reader reads single files only',
          );
        },
        async search(url: string) {
          const response = await readUrl(url);
          return {
            files: [{ url, content: response.buffer }],
            etag: '',
          };
        },
      },
    },
  ];
};

/** Adds the example repositories reader to the backend's URL readers. */
export const exampleRepositoriesReader = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return exampleRepositoriesReaderFactory;
  },
});
