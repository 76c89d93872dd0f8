import { InputError } from '@backstage/errors';

/** A string field of a criterion definition, or a clear error. */
export function optionalString(
  definition: Record<string, unknown>,
  field: string,
): string | undefined {
  const value = definition[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new InputError(
      `criterion field '${field}' must be a non-empty string`,
    );
  }
  return value;
}

/** A list-of-strings field of a criterion definition, or a clear error. */
export function optionalStringList(
  definition: Record<string, unknown>,
  field: string,
): string[] | undefined {
  const value = definition[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    throw new InputError(
      `criterion field '${field}' must be a list of strings`,
    );
  }
  return value as string[];
}
