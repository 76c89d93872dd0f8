import { DoraScopeRequest, QualityGatesApi } from '../../api/QualityGatesApi';
import {
  checkoutTeamScope,
  metricsResponse,
} from '../dora/__testUtils__/doraFixtures';
import { fakeDoraApi } from '../dora/__testUtils__/renderDora';
import { fakeGateApi } from '../gates/__testUtils__/renderGates';
import {
  summaryOf,
  productionNo,
} from '../gates/__testUtils__/decisionFixtures';
import { fakePipelinesApi } from '../pipelines/__testUtils__/renderPipelines';
import { fakeEntityReadinessApi } from '../readiness/__testUtils__/renderEntityReadiness';
import {
  checkInfos,
  checkoutTeamRollup,
  levels,
  overviewGroupsByOwner,
  overviewResponse,
} from '../readiness/__testUtils__/readinessFixtures';
import { fakeTimelineApi } from '../timeline/__testUtils__/renderTimeline';

/**
 * One fake API answering every view of the plugin with the views' own
 * fixtures, for tests of how an app wires the views rather than of the
 * views themselves. The client is tested against a real HTTP server.
 */
export function fakeQualityGatesApi() {
  const dora = fakeDoraApi();
  dora.getDoraMetrics.mockImplementation(async (scope: DoraScopeRequest) =>
    'group' in scope && scope.group
      ? metricsResponse({ scope: checkoutTeamScope })
      : metricsResponse(),
  );
  return {
    ...fakeGateApi(),
    ...fakeEntityReadinessApi(),
    ...dora,
    ...fakeTimelineApi(),
    ...fakePipelinesApi(),
    listDeployments: jest.fn().mockResolvedValue({
      entityRef: 'component:default/checkout',
      items: [],
      totalCount: 0,
      currentVersions: [],
    }),
    getReadinessChecks: jest
      .fn()
      .mockResolvedValue({ levels, checks: checkInfos }),
    getReadinessOverview: jest.fn().mockResolvedValue(overviewResponse),
    getReadinessRollup: jest.fn().mockResolvedValue(checkoutTeamRollup),
    getReadinessOverviewGroups: jest
      .fn()
      .mockResolvedValue(overviewGroupsByOwner),
    listDecisions: jest.fn().mockResolvedValue({
      items: [summaryOf(productionNo)],
      total: 1,
    }),
    getDecision: jest.fn().mockResolvedValue(productionNo),
  } satisfies Partial<QualityGatesApi>;
}
