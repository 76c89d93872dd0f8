/** The rows of a `knex.raw` result, whichever database answered. */
export function rawRows(result: any): any[] {
  return Array.isArray(result) ? result : result.rows;
}
