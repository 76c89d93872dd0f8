import { ReactElement } from 'react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { DeliveryTimeline } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { gateHistoryRouteRef } from '../../../routes';
import { permissionApiAllowing } from '../../__testUtils__/permissionApi';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { listDecisionsFrom } from '../../gates/__testUtils__/decisionFixtures';
import { olderProductionPass } from '../../gates/__testUtils__/gateFixtures';
import {
  checkoutEntity,
  checkoutStates,
  checkoutTimeline,
  productionFailureView,
} from './timelineFixtures';

// The API is the views' boundary: the client is tested against a real HTTP
// server and the backend on its own databases.
export function fakeTimelineApi(timeline: DeliveryTimeline = checkoutTimeline) {
  return {
    getDeliveryTimeline: jest.fn().mockResolvedValue(timeline),
    getEnvironmentStates: jest.fn().mockResolvedValue(checkoutStates),
    getDeploymentView: jest.fn().mockResolvedValue(productionFailureView),
    getGateEvaluation: jest.fn().mockResolvedValue(olderProductionPass),
    listDecisions: jest.fn(
      listDecisionsFrom([
        {
          id: 'dec-eu',
          environment: 'production-eu',
          version: '1.4.0',
          answer: 'no',
          sentence: 'No: Production EU gate fails.',
          gates: [
            {
              id: 'e1',
              gateId: 'production-eu-gate',
              gateTitle: 'Production EU gate',
              mode: 'enforce',
              verdict: 'fail',
              effectiveVerdict: 'fail',
              score: 59,
            },
            {
              id: 'e1-freeze',
              gateId: 'weekend-freeze',
              gateTitle: 'Weekend freeze',
              mode: 'dry-run',
              verdict: 'fail',
              effectiveVerdict: 'pass',
              score: 0,
            },
          ],
        },
      ]),
    ),
  } satisfies Partial<QualityGatesApi>;
}

/** Renders a view on checkout's page, at `url` when given. */
export async function renderOnCheckout(
  view: ReactElement,
  api: Partial<QualityGatesApi>,
  url?: string,
) {
  await renderOnEntityPage(view, {
    entity: checkoutEntity,
    // Nothing is allowed: an evaluation opened here offers no pinning.
    apis: [
      [qualityGatesApiRef, api],
      [permissionApiRef, permissionApiAllowing([]).api],
    ],
    url,
    mountedRoutes: { '/gate-history': gateHistoryRouteRef },
  });
}
