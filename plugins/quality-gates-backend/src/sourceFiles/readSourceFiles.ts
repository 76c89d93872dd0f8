import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { SourceFileTarget } from './planSourceFiles';

/** A file that was read, with its text. */
export interface SourceFile extends SourceFileTarget {
  text: string;
}

/** What reading the planned files gave. */
export interface SourceFileReadout {
  found: SourceFile[];
  /** Files the host says do not exist (404). */
  notFound: SourceFileTarget[];
}

/**
 * A file that could not be read for another reason than not existing: the
 * host is down, refuses us, or is not allowed. The check must not pass
 * or fail on what it could not see.
 */
export class SourceFileReadError extends Error {
  readonly target: SourceFileTarget;

  constructor(target: SourceFileTarget, cause: unknown) {
    super(
      `Could not read ${target.url}: ${
        isError(cause) ? cause.message : String(cause)
      }`,
    );
    this.name = 'SourceFileReadError';
    this.target = target;
  }
}

/**
 * Reads every target through the backend's URL reader, in parallel. A 404
 * (the readers' NotFoundError) means the file is not there; any other
 * failure throws {@link SourceFileReadError}.
 */
export async function readSourceFiles(
  urlReader: UrlReaderService,
  targets: SourceFileTarget[],
  signal?: AbortSignal,
): Promise<SourceFileReadout> {
  const outcomes = await Promise.allSettled(
    targets.map(async target => {
      signal?.throwIfAborted();
      const response = await urlReader.readUrl(target.url, { signal });
      const text = (await response.buffer()).toString('utf8');
      return { ...target, text };
    }),
  );
  const readout: SourceFileReadout = { found: [], notFound: [] };
  outcomes.forEach((outcome, index) => {
    const target = targets[index];
    if (outcome.status === 'fulfilled') {
      readout.found.push(outcome.value);
    } else if (
      isError(outcome.reason) &&
      outcome.reason.name === 'NotFoundError'
    ) {
      readout.notFound.push(target);
    } else {
      throw new SourceFileReadError(target, outcome.reason);
    }
  });
  return readout;
}
