import { InputError } from '@backstage/errors';
import { CronTime } from 'cron';
import { DateTime, Duration } from 'luxon';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';

interface FreezeWindow {
  cron: string;
  duration: Duration;
  timeZone: string;
  reason?: string;
}

function readWindows(definition: Record<string, unknown>): FreezeWindow[] {
  const windows = definition.windows;
  if (!Array.isArray(windows) || windows.length === 0) {
    throw new InputError(
      "a freeze criterion needs 'windows': [{ cron, duration, timeZone }]",
    );
  }
  return windows.map((window, index) => {
    const where = `windows[${index}]`;
    const { cron, duration, timeZone, reason } = window ?? {};
    if (typeof cron !== 'string') {
      throw new InputError(`${where}.cron must be a cron expression`);
    }
    const length =
      typeof duration === 'string'
        ? Duration.fromISO(duration)
        : Duration.fromObject(duration ?? {});
    if (!length.isValid || length.toMillis() <= 0) {
      throw new InputError(
        `${where}.duration must be a positive duration, e.g. { hours: 60 } or PT60H`,
      );
    }
    const zone = typeof timeZone === 'string' ? timeZone : 'UTC';
    if (!DateTime.local().setZone(zone).isValid) {
      throw new InputError(`${where}.timeZone '${zone}' is not a time zone`);
    }
    return { cron, duration: length, timeZone: zone, reason };
  });
}

/**
 * `source: freeze`: 1 outside every freeze window, 0 inside one. A window
 * starts at each time its cron expression names (in its time zone) and
 * lasts its duration, e.g. Friday 18:00 for 60 hours.
 */
export function createFreezeCriterionSource(): CriterionSource {
  return {
    id: 'freeze',
    async measure({ definition, window }) {
      const at = DateTime.fromISO(window.end);
      for (const freeze of readWindows(definition)) {
        let cronTime: CronTime;
        try {
          cronTime = new CronTime(freeze.cron, freeze.timeZone);
        } catch (error) {
          throw new InputError(
            `'${freeze.cron}' is not a cron expression: ${
              (error as Error).message
            }`,
          );
        }
        // The first start after (now - duration) is the only one whose
        // window can contain now.
        const start = cronTime.getNextDateFrom(
          at.minus(freeze.duration).toJSDate(),
          freeze.timeZone,
        );
        const end = start.plus(freeze.duration);
        if (start <= at && at < end) {
          return {
            value: 0,
            details: {
              frozenSince: start.toUTC().toISO(),
              frozenUntil: end.toUTC().toISO(),
              cron: freeze.cron,
              timeZone: freeze.timeZone,
              ...(freeze.reason ? { reason: freeze.reason } : {}),
            },
          };
        }
      }
      return { value: 1, details: { frozen: false } };
    },
  };
}
