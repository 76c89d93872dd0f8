import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

const STATUS_BY_NAME: Record<string, number> = {
  [NotModifiedError.name]: 304,
  [InputError.name]: 400,
  [AuthenticationError.name]: 401,
  [NotAllowedError.name]: 403,
  [NotFoundError.name]: 404,
  [ConflictError.name]: 409,
  [NotImplementedError.name]: 501,
  [ServiceUnavailableError.name]: 503,
};

/** Server-side errors whose message we wrote for the caller (retry later). */
const SPOKEN_SERVER_ERRORS = new Set([
  NotImplementedError.name,
  ServiceUnavailableError.name,
]);

/** The status the backend's error middleware would answer with. */
export function statusOfError(error: unknown): number {
  const candidate = error as { statusCode?: unknown; status?: unknown };
  for (const status of [candidate?.statusCode, candidate?.status]) {
    if (Number.isInteger(status) && +status! >= 100 && +status! <= 599) {
      return status as number;
    }
  }
  const name = (error as { name?: unknown })?.name;
  return (typeof name === 'string' && STATUS_BY_NAME[name]) || 500;
}

/**
 * The plugin's last error handler. Client errors are answered with their
 * own message; a server error never shows what failed inside (a database
 * error, a stack, a library's message): the caller gets a generic message
 * with an id, and the log has the error under the same id. This holds in
 * every environment, unlike the backend's own handler, which only filters
 * some errors and shows stacks in development. The body has the shape that
 * handler gives, so clients read both alike.
 */
export function answerErrors(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const statusCode = statusOfError(error);
    let body: { name: string; message: string };
    if (statusCode < 500) {
      body = {
        name: String(error?.name ?? 'Error'),
        message: String(error?.message ?? error),
      };
    } else {
      const errorId = randomUUID();
      logger.error(
        `${req.method} ${req.originalUrl} failed with ${statusCode}, error id ${errorId}`,
        error instanceof Error ? error : new Error(String(error)),
      );
      body = SPOKEN_SERVER_ERRORS.has(error?.name)
        ? { name: error.name, message: String(error.message) }
        : {
            name: 'InternalError',
            message: `The request failed inside the server; the error is logged with id ${errorId}`,
          };
    }
    res.status(statusCode).json({
      error: body,
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode },
    });
  };
}
