import { z } from 'zod';

/** One accepted status: an exact code (200) or a class (`2xx`). */
const statusPattern = z.union([
  z.number().int().min(100).max(599),
  z
    .string()
    .regex(/^[1-5]xx$/i, "a status class such as '2xx'")
    .transform(text => text.toLowerCase()),
]);

/** `expectStatus`: one status or class, or a list of them. Default `2xx`. */
export const expectStatusSchema = z
  .union([statusPattern, z.array(statusPattern).min(1)])
  .default('2xx')
  .transform(value => (Array.isArray(value) ? value : [value]));

export type ExpectedStatus = Array<number | string>;

/** Whether the status is one of the accepted ones. */
export function statusAccepted(
  status: number,
  expected: ExpectedStatus,
): boolean {
  return expected.some(pattern =>
    typeof pattern === 'number'
      ? status === pattern
      : Math.floor(status / 100) === Number(pattern[0]),
  );
}

/** `200 or 204`, `2xx`, as the evidence says it. */
export function describeExpectedStatus(expected: ExpectedStatus): string {
  return expected.map(String).join(' or ');
}
