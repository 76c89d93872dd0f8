import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { DoraMetricsResponse } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import {
  checkoutTrend,
  failedDeploymentDetails,
  metricsResponse,
} from './doraFixtures';

// The API is the views' boundary: the client is tested against a real HTTP
// server, the backend on its own databases, and all of it together in the
// browser test.
export function fakeDoraApi(metrics: DoraMetricsResponse = metricsResponse()) {
  return {
    getDoraMetrics: jest.fn().mockResolvedValue(metrics),
    getDoraTrend: jest.fn().mockResolvedValue(checkoutTrend),
    getDoraDetails: jest.fn().mockResolvedValue(failedDeploymentDetails),
  } satisfies Partial<QualityGatesApi>;
}

/** Renders a DORA view on the page of the given entity. */
export async function renderDora(
  view: ReactElement,
  entity: Entity,
  api: Partial<QualityGatesApi>,
) {
  await renderOnEntityPage(view, {
    entity,
    apis: [[qualityGatesApiRef, api]],
  });
}
