import { QualityGatesApi } from '../../../api/QualityGatesApi';
import { listDecisionsFrom } from '../../gates/__testUtils__/decisionFixtures';
import { renderOnCheckout } from '../../timeline/__testUtils__/renderTimeline';
import { EntityPipelinesContent } from '../EntityPipelinesContent';
import {
  buildTrace,
  checkoutStats,
  runsPage,
  shaPath,
} from './pipelineFixtures';

// The API is the view's boundary: the client is tested against a real HTTP
// server and the backend on its own databases.
export function fakePipelinesApi() {
  return {
    listPipelineRuns: jest.fn().mockResolvedValue(runsPage),
    getPipelineStats: jest.fn().mockResolvedValue(checkoutStats),
    getPathToProduction: jest.fn().mockResolvedValue(shaPath),
    getTrace: jest.fn().mockResolvedValue(buildTrace),
    listDecisions: jest.fn(
      listDecisionsFrom([
        {
          id: 'dec-slo',
          environment: 'production-eu',
          version: '1.4.2',
          answer: 'yes',
          sentence: 'Yes: every gate passes.',
          gates: [
            {
              id: 'e7',
              gateId: 'prod-slo',
              gateTitle: 'Production SLO',
              mode: 'enforce',
              verdict: 'pass',
              effectiveVerdict: 'pass',
              score: 100,
            },
          ],
        },
      ]),
    ),
  } satisfies Partial<QualityGatesApi>;
}

/** Renders the CI pipelines tab on checkout's page, at `url` when given. */
export async function renderPipelines(api = fakePipelinesApi(), url?: string) {
  await renderOnCheckout(<EntityPipelinesContent />, api, url);
  return api;
}
