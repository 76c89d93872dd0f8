import { InputError } from '@backstage/errors';
import { findTextIssue } from '../input/storableText';

/**
 * An action's input as the HTTP boundary would take it: the registry checks
 * the schema, not what the database can store, so a NUL or a lone
 * surrogate is refused here with the field it is in, never a 500.
 */
export function storableInput<T>(input: T): T {
  const issue = findTextIssue(input);
  if (issue) {
    throw new InputError(`${issue.path || 'The input'} ${issue.message}`);
  }
  return input;
}
