import { InputError } from '@backstage/errors';
import { CronTime } from 'cron';
import { toString as describeCron } from 'cronstrue';
import { DateTime, Duration } from 'luxon';
import {
  EvidenceSentence,
  formatSentence,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';

export interface FreezeWindow {
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
    // A calendar computation: it reaches nothing.
    safeForRepositoryConfig: true,
    async measure({ definition, window }) {
      const at = DateTime.fromISO(window.end);
      // cron brings its own luxon types: keep its times as ISO strings.
      let next: { start: string; window: FreezeWindow } | undefined;
      for (const freeze of readWindows(definition)) {
        const cronTime = cronTimeOf(freeze);
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
            ...freezeEvidence({
              window: freeze,
              frozen: {
                since: start.toUTC().toISO()!,
                until: end.toUTC().toISO()!,
              },
            }),
            details: {
              frozenSince: start.toUTC().toISO(),
              frozenUntil: end.toUTC().toISO(),
              cron: freeze.cron,
              timeZone: freeze.timeZone,
              ...(freeze.reason ? { reason: freeze.reason } : {}),
            },
          };
        }
        // Not inside it: that first start is the next one.
        const upcoming = start.toUTC().toISO()!;
        if (!next || Date.parse(upcoming) < Date.parse(next.start)) {
          next = { start: upcoming, window: freeze };
        }
      }
      return {
        value: 1,
        ...freezeEvidence({
          ...(next ? { window: next.window, nextStart: next.start } : {}),
        }),
        details: { frozen: false },
      };
    },
  };
}

function cronTimeOf(freeze: FreezeWindow): CronTime {
  try {
    return new CronTime(freeze.cron, freeze.timeZone);
  } catch (error) {
    throw new InputError(
      `'${freeze.cron}' is not a cron expression: ${(error as Error).message}`,
    );
  }
}

/** A freeze window in words: its reason, else when it starts and how long. */
function describeWindow(window: FreezeWindow): EvidenceSentence {
  if (window.reason) return [window.reason];
  let starts: string;
  try {
    starts = describeCron(window.cron, { use24HourTimeFormat: true });
    starts = starts.charAt(0).toLowerCase() + starts.slice(1);
  } catch {
    starts = `at '${window.cron}'`;
  }
  return [
    `starts ${starts}, lasts `,
    { kind: 'duration', ms: window.duration.toMillis() },
  ];
}

/** "frozen until Monday 09:00 Europe/Berlin (weekend freeze)". */
export function freezeEvidence(observed: {
  window?: FreezeWindow;
  frozen?: { since: string; until: string };
  nextStart?: string;
}): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  const { window, frozen, nextStart } = observed;
  const windowFacts = window
    ? [
        {
          kind: 'text' as const,
          text: formatSentence(describeWindow(window)),
          label: 'Window',
        },
        { kind: 'text' as const, text: window.cron, label: 'Cron' },
      ]
    : [];
  const zone = window?.timeZone;
  const at = (time: string, label?: string) => ({
    kind: 'time' as const,
    at: time,
    ...(zone && zone !== 'UTC' ? { timeZone: zone } : {}),
    ...(label ? { label } : {}),
  });
  if (frozen && window) {
    return {
      summary: [
        'frozen until ',
        at(frozen.until),
        ' (',
        ...describeWindow(window),
        ')',
      ],
      facts: [
        at(frozen.since, 'Frozen since'),
        at(frozen.until, 'Frozen until'),
        ...windowFacts,
      ],
    };
  }
  if (nextStart && window) {
    return {
      summary: [
        'not frozen; the next freeze starts ',
        at(nextStart),
        ' (',
        ...describeWindow(window),
        ')',
      ],
      facts: [at(nextStart, 'Next freeze'), ...windowFacts],
    };
  }
  return { summary: ['not frozen'] };
}
