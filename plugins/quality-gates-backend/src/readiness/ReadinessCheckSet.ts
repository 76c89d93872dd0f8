import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ReadinessCheckInfo,
  ReadinessLevel,
} from '@can-i-deploy/plugin-quality-gates-common';
import { ReadinessCheck } from '@can-i-deploy/plugin-quality-gates-node';
import { readEntityFilter } from '../config/readEntityFilter';

/** Bronze, silver, gold: used when config names no levels. */
export const DEFAULT_READINESS_LEVELS: ReadinessLevel[] = [
  {
    id: 'bronze',
    title: 'Bronze',
    description: 'Someone owns it and the code can be found.',
  },
  {
    id: 'silver',
    title: 'Silver',
    description: 'Problems are noticed and reach a person who can act.',
  },
  {
    id: 'gold',
    title: 'Gold',
    description: 'Operable by someone who did not build it.',
  },
];

/**
 * The checks in use and the levels they belong to, after config has turned
 * checks off, moved them between levels and narrowed where they apply.
 */
export class ReadinessCheckSet {
  readonly levels: ReadinessLevel[];
  readonly checks: ReadinessCheck[];
  /** Check id → level id, for level math. */
  readonly levelOfCheck: ReadonlyMap<string, string | undefined>;

  private constructor(levels: ReadinessLevel[], checks: ReadinessCheck[]) {
    this.levels = levels;
    this.checks = checks;
    this.levelOfCheck = new Map(checks.map(check => [check.id, check.level]));
  }

  /**
   * Fails at start-up on duplicate ids, unknown levels and overrides of
   * checks that do not exist: a typo must not silently drop a check.
   */
  static from(
    readinessConfig: Config | undefined,
    candidates: ReadinessCheck[],
  ): ReadinessCheckSet {
    const levels = readLevels(readinessConfig);
    const levelIds = new Set(levels.map(level => level.id));
    const byId = new Map<string, ReadinessCheck>();
    for (const check of candidates) {
      if (!/^[a-z0-9][a-z0-9._-]{0,127}$/i.test(check.id)) {
        throw new InputError(
          `Readiness check id '${check.id}' must be letters, digits, '.', '_' or '-' (at most 128)`,
        );
      }
      if (byId.has(check.id)) {
        throw new InputError(`Readiness check '${check.id}' is defined twice`);
      }
      byId.set(check.id, check);
    }

    const overrides = readinessConfig?.getOptionalConfig('checks');
    for (const id of overrides?.keys() ?? []) {
      const check = byId.get(id);
      if (!check) {
        throw new InputError(
          `qualityGates.readiness.checks.${id} changes a check that does not exist; known checks: ${[
            ...byId.keys(),
          ].join(', ')}`,
        );
      }
      const override = overrides!.getConfig(id);
      if (override.getOptionalBoolean('enabled') === false) {
        byId.delete(id);
        continue;
      }
      byId.set(id, {
        ...check,
        evaluate: check.evaluate.bind(check),
        level: override.getOptionalString('level') ?? check.level,
        appliesTo:
          readEntityFilter(override.getOptionalConfig('appliesTo')) ??
          check.appliesTo,
      });
    }

    for (const check of byId.values()) {
      if (check.level && !levelIds.has(check.level)) {
        throw new InputError(
          `Readiness check '${check.id}' belongs to level '${
            check.level
          }', which is not one of ${[...levelIds].join(', ')}`,
        );
      }
    }
    return new ReadinessCheckSet(levels, [...byId.values()]);
  }

  /** What each check is, for pages and the API. */
  describe(): ReadinessCheckInfo[] {
    return this.checks.map(check => ({
      id: check.id,
      title: check.title,
      description: check.description,
      howToFix: check.howToFix,
      ...(check.level ? { level: check.level } : {}),
    }));
  }

  has(checkId: string): boolean {
    return this.levelOfCheck.has(checkId);
  }
}

function readLevels(readinessConfig: Config | undefined): ReadinessLevel[] {
  const configured = readinessConfig?.getOptionalConfigArray('levels');
  if (!configured) return DEFAULT_READINESS_LEVELS;
  if (configured.length === 0) {
    throw new InputError('qualityGates.readiness.levels must not be empty');
  }
  const levels = configured.map(level => ({
    id: level.getString('id'),
    title: level.getString('title'),
    ...(level.getOptionalString('description')
      ? { description: level.getString('description') }
      : {}),
  }));
  const ids = new Set(levels.map(level => level.id));
  if (ids.size !== levels.length) {
    throw new InputError('qualityGates.readiness.levels has a duplicate id');
  }
  return levels;
}
