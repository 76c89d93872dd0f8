import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';

/**
 * Checks what every override needs: a reason that says why, and an expiry
 * in the future no further than `qualityGates.gates.maxOverrideDays`.
 */
export function overrideTerms(
  body: { reason: string; expiresAt: string },
  maxOverrideDays: number,
): { reason: string; expiresAt: string } {
  const expiry = DateTime.fromISO(body.expiresAt, { setZone: true });
  const now = DateTime.utc();
  if (expiry <= now) throw new InputError('expiresAt must be in the future');
  if (expiry > now.plus({ days: maxOverrideDays })) {
    throw new InputError(
      `expiresAt must be at most ${maxOverrideDays} days ahead (qualityGates.gates.maxOverrideDays)`,
    );
  }
  const reason = body.reason.trim();
  if (reason.length < 10) {
    throw new InputError('reason must say why, in at least 10 characters');
  }
  return { reason, expiresAt: expiry.toUTC().toISO()! };
}
