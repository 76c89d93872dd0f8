/**
 * A query string of the parameters that are set: the backend applies its
 * defaults to those left out, so they are not sent empty.
 */
export function queryOf(
  parameters: Readonly<Record<string, unknown>>,
): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    // Lists repeat their name (`style: form, explode: true` in openapi.yaml).
    if (Array.isArray(value)) {
      for (const item of value) query.append(name, String(item));
    } else if (value !== undefined && value !== null) {
      query.set(name, String(value));
    }
  }
  return query;
}

/**
 * The parameters without the empty strings: the backend would read an empty
 * filter as a filter on the empty string.
 */
export function withoutEmpty<Query extends object>(query: Query): Query {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== ''),
  ) as Query;
}
