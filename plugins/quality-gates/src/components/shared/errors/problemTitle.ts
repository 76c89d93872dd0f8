import { ResponseError } from '@backstage/errors';

/** What the backend said in words, if it answered with a Backstage error. */
function serverMessage(error: Error): string | undefined {
  if (!(error instanceof ResponseError) && error.name !== 'ResponseError') {
    return undefined;
  }
  const message = (error as ResponseError).body?.error?.message?.trim();
  // A body that was not a Backstage error is wrapped as a status line.
  if (!message || message.startsWith('Request failed with')) return undefined;
  return message;
}

function statusOf(error: Error): number | undefined {
  return (error as Partial<ResponseError>).statusCode;
}

/**
 * A failed request said in words: "This gate decision no longer exists"
 * rather than "Request failed with 404 Not Found". `notFound` is what the
 * view looked for, said as missing; other failures carry the server's
 * own message when it gave one.
 */
export function problemTitle(
  error: Error,
  options: { notFound?: string; failed?: string } = {},
): string {
  const status = statusOf(error);
  if (status === 404 && options.notFound) return options.notFound;
  if (status === 403) {
    return serverMessage(error) ?? 'You are not allowed to see this';
  }
  const said = serverMessage(error) ?? error.message.replace(/, \{.*$/s, '');
  return options.failed ? `${options.failed}: ${said}` : said;
}

/** What an entity tab says when the backend does not know its entity. */
export function entityNotFound(entityRef: string): string {
  return `No entity ${entityRef} in the catalog`;
}
