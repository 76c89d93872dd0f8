import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import {
  DEFAULT_DORA_THRESHOLDS,
  DoraDetailsResponse,
  DoraFigures,
  DoraMetricName,
  DoraMetricsResponse,
  DoraScope,
  DoraThresholds,
  DoraTrendResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import { CatalogAccess } from '../catalog/CatalogAccess';
import {
  ComponentScopeRequest,
  ComponentScopeResolver,
} from '../catalog/ComponentScope';
import { tracer } from '../telemetry/instruments';
import { DoraStore } from './DoraStore';

/** Which of the three ways to name a scope the caller used. */
export type DoraScopeRequest = ComponentScopeRequest;

/** A window as the caller asked for it; both ends optional. */
export interface DoraWindowRequest {
  from?: string;
  to?: string;
}

const DEFAULT_WINDOW_DAYS = 90;
const DEFAULT_TREND_WEEKS = 12;

function readBounds(
  config: Config | undefined,
  fallback: { elite: number; high: number; medium: number },
) {
  if (!config) return fallback;
  return {
    elite: config.getOptionalNumber('elite') ?? fallback.elite,
    high: config.getOptionalNumber('high') ?? fallback.high,
    medium: config.getOptionalNumber('medium') ?? fallback.medium,
  };
}

/** `qualityGates.dora.thresholds` over the published defaults. */
export function readDoraThresholds(dora: Config | undefined): DoraThresholds {
  const config = dora?.getOptionalConfig('thresholds');
  const defaults = DEFAULT_DORA_THRESHOLDS;
  const rework = config?.getOptionalConfig('reworkRate');
  return {
    deploymentFrequencyPerDay: readBounds(
      config?.getOptionalConfig('deploymentFrequencyPerDay'),
      defaults.deploymentFrequencyPerDay,
    ),
    leadTimeSeconds: readBounds(
      config?.getOptionalConfig('leadTimeSeconds'),
      defaults.leadTimeSeconds,
    ),
    changeFailureRate: readBounds(
      config?.getOptionalConfig('changeFailureRate'),
      defaults.changeFailureRate,
    ),
    recoveryTimeSeconds: readBounds(
      config?.getOptionalConfig('recoveryTimeSeconds'),
      defaults.recoveryTimeSeconds,
    ),
    reworkRate: rework
      ? readBounds(rework, { elite: 0, high: 0, medium: 0 })
      : defaults.reworkRate,
  };
}

/** The figures of a scope without components: nothing to count. */
const EMPTY_FIGURES: DoraFigures = {
  deploymentFrequency: {
    deployments: 0,
    perDay: 0,
    perWeek: 0,
    bucket: null,
    band: null,
  },
  leadTime: {
    changes: 0,
    medianSeconds: null,
    p90Seconds: null,
    excludedNonPositive: 0,
    band: null,
  },
  changeFailureRate: { deployments: 0, failed: 0, rate: null, band: null },
  recoveryTime: {
    failures: 0,
    recovered: 0,
    unrecovered: 0,
    medianSeconds: null,
    band: null,
  },
  reworkRate: { deployments: 0, unplanned: 0, rate: null, band: null },
};

/**
 * DORA metrics for an entity, or the components a group owns or a system
 * holds, as the caller may see them in the catalog.
 */
export class DoraService {
  readonly environments: string[];
  readonly thresholds: DoraThresholds;
  private readonly maxWindowDays: number;
  private readonly scopes: ComponentScopeResolver;

  constructor(
    private readonly options: {
      store: DoraStore;
      /** The catalog as each caller sees it. */
      access: CatalogAccess;
      config: Config | undefined;
    },
  ) {
    const { config } = options;
    this.environments = config?.getOptionalStringArray(
      'productionEnvironments',
    ) ?? ['production', 'prod'];
    if (this.environments.length === 0) {
      throw new InputError(
        'qualityGates.dora.productionEnvironments must name at least one environment',
      );
    }
    this.thresholds = readDoraThresholds(config);
    this.maxWindowDays = config?.getOptionalNumber('maxWindowDays') ?? 731;
    this.scopes = new ComponentScopeResolver(options.access, {
      includeSubgroups:
        config?.getOptionalBoolean('rollups.includeSubgroups') ?? true,
    });
  }

  /**
   * Makes the deployment facts ready for the configured production
   * environments. Resolves to whether they had to be derived.
   */
  prepare(): Promise<boolean> {
    return this.options.store.prepare(this.environments);
  }

  /** Resolves the scope through the catalog with the caller's rights. */
  resolveScope(
    request: DoraScopeRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraScope> {
    return this.scopes.resolve(request, credentials, { purpose: 'metrics' });
  }

  /**
   * The default window of the figures: the last 90 days, or less when the
   * scope's production history began later (from the day of its first
   * production deployment), so that weeks without data do not dilute it.
   */
  private async defaultWindowDays(
    scope: DoraScope,
    to: DateTime,
  ): Promise<number> {
    if (scope.entityRefs.length === 0) return DEFAULT_WINDOW_DAYS;
    const first = await this.options.store.firstDeployedAt(scope.entityRefs);
    if (!first) return DEFAULT_WINDOW_DAYS;
    const since = DateTime.fromJSDate(first, { zone: 'utc' }).startOf('day');
    const days = Math.ceil(to.diff(since, 'days').days);
    return Math.min(DEFAULT_WINDOW_DAYS, Math.max(1, days));
  }

  private window(
    request: DoraWindowRequest,
    defaultLength: { days?: number; weeks?: number },
    alignToMonday = false,
  ): { from: DateTime; to: DateTime } {
    const to = request.to
      ? DateTime.fromISO(request.to, { zone: 'utc' })
      : DateTime.utc();
    let from = request.from
      ? DateTime.fromISO(request.from, { zone: 'utc' })
      : to.minus(defaultLength);
    if (alignToMonday) from = from.startOf('week');
    if (!(from < to)) {
      throw new InputError('from must be before to');
    }
    if (to.diff(from, 'days').days > this.maxWindowDays) {
      throw new InputError(
        `The window may span at most ${this.maxWindowDays} days (qualityGates.dora.maxWindowDays)`,
      );
    }
    return { from, to };
  }

  private queryScope(scope: DoraScope, from: DateTime, to: DateTime) {
    return {
      entityRefs: scope.entityRefs,
      environments: this.environments,
      from: from.toJSDate(),
      to: to.toJSDate(),
    };
  }

  async metrics(
    scope: DoraScope,
    request: DoraWindowRequest,
  ): Promise<DoraMetricsResponse> {
    const days = request.from
      ? DEFAULT_WINDOW_DAYS
      : await this.defaultWindowDays(
          scope,
          request.to
            ? DateTime.fromISO(request.to, { zone: 'utc' })
            : DateTime.utc(),
        );
    const { from, to } = this.window(request, { days });
    const previousFrom = from.minus(to.diff(from));
    return tracer.startActiveSpan(
      'quality-gates.dora.metrics',
      {
        attributes: { 'quality_gates.dora.entities': scope.entityRefs.length },
      },
      async span => {
        try {
          // Both windows in one pass over their rows.
          const { earlier: previous, later: current } =
            scope.entityRefs.length === 0
              ? { earlier: EMPTY_FIGURES, later: EMPTY_FIGURES }
              : await this.options.store.figuresOfTwoWindows(
                  this.queryScope(scope, previousFrom, to),
                  from.toJSDate(),
                  this.thresholds,
                );
          return {
            scope,
            environments: this.environments,
            window: {
              from: from.toISO()!,
              to: to.toISO()!,
              days: to.diff(from, 'days').days,
            },
            current,
            previous,
            thresholds: this.thresholds,
          };
        } finally {
          span.end();
        }
      },
    );
  }

  async trend(
    scope: DoraScope,
    request: DoraWindowRequest,
  ): Promise<DoraTrendResponse> {
    const { from, to } = this.window(
      request,
      { weeks: DEFAULT_TREND_WEEKS },
      true,
    );
    if (scope.entityRefs.length === 0) return { scope, items: [] };
    return {
      scope,
      items: await this.options.store.trend(this.queryScope(scope, from, to)),
    };
  }

  async details(
    scope: DoraScope,
    metric: DoraMetricName,
    request: DoraWindowRequest & { limit: number; offset: number },
  ): Promise<DoraDetailsResponse> {
    const { from, to } = this.window(request, { days: DEFAULT_WINDOW_DAYS });
    if (scope.entityRefs.length === 0) {
      return { scope, metric, items: [], totalCount: 0 };
    }
    const page = await this.options.store.details(
      this.queryScope(scope, from, to),
      metric,
      { limit: request.limit, offset: request.offset },
    );
    return { scope, metric, ...page };
  }
}
