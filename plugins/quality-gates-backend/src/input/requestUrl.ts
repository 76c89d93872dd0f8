import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { requireStorableText } from './storableText';

/**
 * 400 for a URL that decodes to a string the database cannot take: `%00`
 * in the path (path parameters are decoded later, per route) or a query
 * parameter holding a NUL, named as `query.<name>`. Percent-decoding never
 * yields a lone surrogate (invalid UTF-8 stays encoded or is refused).
 */
export const checkRequestUrl: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.path)) {
    throw new InputError(
      'The URL path contains %00, a NUL character, which cannot be stored',
    );
  }
  requireStorableText(req.query, 'query');
  next();
};

/**
 * 400 for a query number that is not finite. The OpenAPI validator turns
 * `limit=1e400` into Infinity, which passes an integer schema without a
 * maximum and reaches the database. Runs after the validator.
 */
export const requireFiniteQueryNumbers: RequestHandler = (req, _res, next) => {
  for (const [name, value] of Object.entries(req.query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (
      values.some(item => typeof item === 'number' && !Number.isFinite(item))
    ) {
      throw new InputError(`query.${name}: must be a finite number`);
    }
  }
  next();
};
