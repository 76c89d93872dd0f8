import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

// The API description is the contract reviewers read: it must be valid
// OpenAPI 3.1, and the typed copy the router validates with must match it.
describe('openapi.yaml', () => {
  const yamlText = fs.readFileSync(
    path.resolve(__dirname, 'openapi.yaml'),
    'utf8',
  );

  it('is a valid OpenAPI 3.1 document', async () => {
    const api = await SwaggerParser.validate(parse(yamlText));
    expect((api as { openapi?: string }).openapi).toBe('3.1.0');
  });

  it('matches the generated copy the router is built from', () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(parse(yamlText));
  });

  it('describes every route the plugin serves', () => {
    expect(Object.keys(parse(yamlText).paths).sort()).toEqual([
      '/catalog-columns',
      '/deployments',
      '/deployments/{deploymentId}',
      '/dora/details',
      '/dora/metrics',
      '/dora/trend',
      '/environments',
      '/events/cdevents',
      '/gates/candidates',
      '/gates/decisions',
      '/gates/decisions/latest',
      '/gates/decisions/{decisionId}',
      '/gates/decisions/{decisionId}/override',
      '/gates/effectiveness',
      '/gates/evaluate',
      '/gates/evaluations',
      '/gates/evaluations/export',
      '/gates/evaluations/{evaluationId}',
      '/gates/evaluations/{evaluationId}/override',
      '/gates/evaluations/{evaluationId}/pin',
      '/gates/evaluations/{evaluationId}/unpin',
      '/gates/overrides',
      '/gates/overrides/{overrideId}/revoke',
      '/gates/status',
      '/health',
      '/heartbeats',
      '/incidents',
      '/ingest/unresolved',
      '/path-to-production',
      '/pipeline-runs',
      '/pipelines/stats',
      '/readiness/checks',
      '/readiness/entity',
      '/readiness/entity/evaluate',
      '/readiness/entity/history',
      '/readiness/exemptions',
      '/readiness/exemptions/{exemptionId}/revoke',
      '/readiness/overview',
      '/readiness/overview/export',
      '/readiness/overview/groups',
      '/readiness/rollup',
      '/timeline',
      '/traces/{traceId}',
      '/v1/traces',
      '/webhooks/github',
    ]);
  });
});
