import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ReadinessGroupBy,
  ReadinessOverviewGroupsResponse,
  ReadinessRollupResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import { ComponentScopeResolver } from '../../catalog/ComponentScope';
import { ReadinessCheckSet } from '../ReadinessCheckSet';
import { ReadinessOverviewQuery, ReadinessStore } from '../ReadinessStore';
import {
  levelDistributionOf,
  rollupComponentsOf,
  StoredReadiness,
  worstChecksOf,
} from './readinessRollup';

/**
 * Readiness rolled up: for the components of a group or system (the scope
 * resolved as the DORA roll-up resolves it), and for the overview grouped by
 * owner or system. Reads stored results only.
 */
export class ReadinessRollups {
  constructor(
    private readonly options: {
      store: ReadinessStore;
      checkSet: ReadinessCheckSet;
      scopes: ComponentScopeResolver;
    },
  ) {}

  private get levelIds(): string[] {
    return this.options.checkSet.levels.map(level => level.id);
  }

  private titleOf = (checkId: string): string =>
    this.options.checkSet.checks.find(check => check.id === checkId)?.title ??
    checkId;

  /**
   * The components of a group or system the caller can see: how many at each
   * level, the checks failing for the most of them, and one row each.
   */
  async rollup(
    request: { group?: string; system?: string },
    credentials: BackstageCredentials,
    worstChecksLimit: number,
  ): Promise<ReadinessRollupResponse> {
    const { store, checkSet, scopes } = this.options;
    const scope = await scopes.resolve(request, credentials, {
      purpose: 'readiness',
      allowed: ['group', 'system'],
    });
    const stored = await store.storedReadiness({
      entityRefs: scope.entityRefs,
    });
    return {
      scope: {
        kind: scope.kind as 'group' | 'system',
        ref: scope.ref,
        includesSubgroups: scope.kind === 'group' && scopes.includeSubgroups,
      },
      levels: checkSet.levels,
      distribution: levelDistributionOf(
        this.levelIds,
        stored,
        scope.entityRefs.length - stored.length,
      ),
      worstChecks: worstChecksOf(stored, this.titleOf, worstChecksLimit),
      items: rollupComponentsOf(this.levelIds, scope.entityRefs, stored),
    };
  }

  /**
   * The overview's entities (already narrowed to what the caller sees)
   * grouped by their stored owner or system.
   */
  async overviewGroups(
    query: ReadinessOverviewQuery,
    groupBy: ReadinessGroupBy,
  ): Promise<ReadinessOverviewGroupsResponse> {
    const stored = await this.options.store.storedReadiness(query);
    const groups = new Map<string | null, StoredReadiness[]>();
    for (const row of stored) {
      const key = row[groupBy] ?? null;
      const group = groups.get(key) ?? [];
      group.push(row);
      groups.set(key, group);
    }
    // By ref; the entities without an owner or system last.
    const byRef = (
      [a]: [string | null, unknown],
      [b]: [string | null, unknown],
    ) =>
      Number(a === null) - Number(b === null) ||
      (a ?? '').localeCompare(b ?? '');
    const items = [...groups].sort(byRef).map(([ref, rows]) => {
      const [worstCheck] = worstChecksOf(rows, this.titleOf, 1);
      return {
        ref,
        distribution: levelDistributionOf(this.levelIds, rows),
        ...(worstCheck ? { worstCheck } : {}),
      };
    });
    return { groupBy, levels: this.options.checkSet.levels, items };
  }
}
