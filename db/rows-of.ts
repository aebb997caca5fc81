/**
 * The rows `db.execute` answered: postgres.js gives an array of rows, PGlite an object that
 * holds them in `rows`.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
