/**
 * A query string of the parameters that are set: the backend applies its
 * defaults to those left out, so they are not sent empty.
 */
export function queryOf(
  parameters: Record<string, string | number | undefined>,
): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) query.set(name, String(value));
  }
  return query;
}
