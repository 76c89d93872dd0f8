import { ReactElement } from 'react';
import { DeliveryTimeline } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
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
    apis: [[qualityGatesApiRef, api]],
    url,
  });
}
