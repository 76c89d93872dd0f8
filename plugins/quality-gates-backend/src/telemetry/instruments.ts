import { metrics, trace } from '@opentelemetry/api';

/**
 * The plugin's own tracer and meter. They are no-ops until the backend
 * registers an OpenTelemetry SDK, so instrumenting costs nothing by default.
 */
export const tracer = trace.getTracer('quality-gates-backend');
const meter = metrics.getMeter('quality-gates-backend');

export const deploymentsReadCounter = meter.createCounter(
  'quality_gates.deployments.read',
  { description: 'Deployment list requests served' },
);

export const readinessEntitiesEvaluated = meter.createCounter(
  'quality_gates.readiness.entities_evaluated',
  { description: 'Entities whose readiness checks were evaluated' },
);

export const readinessRunDuration = meter.createHistogram(
  'quality_gates.readiness.run.duration',
  { description: 'Duration of a full readiness evaluation run', unit: 's' },
);
