import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { DateTime, Duration } from 'luxon';
import {
  GateDecision,
  GateEvaluation,
  GateVerdict,
  scoreGate,
} from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { GateConfig } from '../definitions/gateSchema';
import {
  applicableGates,
  gatesForEntity,
} from '../definitions/GateDefinitions';
import { TightenedGate } from '../definitions/tightenGates';
import { GateEvaluationStore } from '../store/GateEvaluationStore';
import { evaluateCriterion } from './evaluateCriterion';
import { tracer } from '../../telemetry/instruments';

/** What a caller asks: may this version of this entity go to this environment? */
export interface GateRequest {
  entity: Entity;
  entityRef: string;
  environment: string;
  version: string;
  trigger: 'ci' | 'schedule' | 'manual';
  requestedBy?: string;
}

/** The answer: the worst effective verdict, and each gate's evaluation. */
export type { GateDecision };

const SEVERITY: Record<GateVerdict, number> = {
  pass: 0,
  warn: 1,
  fail: 2,
  error: 3,
};

function windowLength(window: GateConfig['window']): Duration {
  return typeof window === 'string'
    ? Duration.fromISO(window)
    : Duration.fromObject(window);
}

/**
 * Evaluates every gate that applies, all criteria concurrently under one
 * deadline, and stores each evaluation. Fails closed throughout: no gate,
 * an unreadable component file, a provider error or the deadline is an
 * `error` verdict, never a pass.
 */
export class GateEvaluator {
  constructor(
    private readonly options: {
      gates: GateConfig[];
      sources: () => ReadonlyMap<string, CriterionSource>;
      store: GateEvaluationStore;
      urlReader: UrlReaderService;
      deadlineMs: number;
    },
  ) {}

  async evaluate(request: GateRequest): Promise<GateDecision> {
    return tracer.startActiveSpan(
      'quality-gates.gates.evaluate',
      {
        attributes: {
          'backstage.entity_ref': request.entityRef,
          'deployment.environment.name': request.environment,
        },
      },
      async span => {
        try {
          const decision = await this.decide(request);
          span.setAttribute('quality_gates.verdict', decision.verdict);
          return decision;
        } finally {
          span.end();
        }
      },
    );
  }

  private async decide(request: GateRequest): Promise<GateDecision> {
    const deadline = AbortSignal.timeout(this.options.deadlineMs);
    const { gates, problems } = await gatesForEntity({
      gates: this.options.gates,
      entity: request.entity,
      environment: request.environment,
      urlReader: this.options.urlReader,
      signal: deadline,
    });
    const decision = {
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
    };
    if (problems.length > 0) {
      // The definitions themselves are broken: every gate that would have
      // applied records an error, so the history shows why.
      const central = applicableGates(
        this.options.gates,
        request.entity,
        request.environment,
      );
      const evaluations = await Promise.all(
        central.map(gate => this.saveError(gate, request, problems)),
      );
      return { ...decision, verdict: 'error', evaluations, problems };
    }
    if (gates.length === 0) {
      return {
        ...decision,
        verdict: 'error',
        evaluations: [],
        problems: [
          `No gate applies to ${request.entityRef} in ${request.environment}: nothing decides, so the answer is no`,
        ],
      };
    }
    const evaluations = await Promise.all(
      gates.map(gate => this.evaluateGate(gate, request, deadline)),
    );
    const verdict = evaluations.reduce<GateVerdict>(
      (worst, evaluation) =>
        SEVERITY[evaluation.effectiveVerdict] > SEVERITY[worst]
          ? evaluation.effectiveVerdict
          : worst,
      'pass',
    );
    return { ...decision, verdict, evaluations, problems: [] };
  }

  private async evaluateGate(
    gate: TightenedGate,
    request: GateRequest,
    deadline: AbortSignal,
  ): Promise<GateEvaluation> {
    const startedAt = DateTime.utc();
    const window = {
      start: startedAt.minus(windowLength(gate.window)).toISO()!,
      end: startedAt.toISO()!,
    };
    const sources = this.options.sources();
    const criteria = await Promise.all(
      gate.criteria.map(criterion =>
        evaluateCriterion(criterion, {
          gateId: gate.id,
          entityRef: request.entityRef,
          environment: request.environment,
          version: request.version,
          window,
          signal: deadline,
          sources,
          store: this.options.store,
        }),
      ),
    );
    const { verdict, score } = scoreGate(criteria, gate);
    return this.options.store.save({
      gateId: gate.id,
      gateTitle: gate.title,
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      trigger: request.trigger,
      mode: gate.mode,
      verdict,
      score,
      passPercent: gate.passPercent,
      warningPercent: gate.warningPercent,
      criteria,
      startedAt: startedAt.toISO()!,
      finishedAt: DateTime.utc().toISO()!,
      requestedBy: request.requestedBy,
    });
  }

  private saveError(
    gate: GateConfig,
    request: GateRequest,
    problems: string[],
  ): Promise<GateEvaluation> {
    const now = DateTime.utc().toISO()!;
    return this.options.store.save({
      gateId: gate.id,
      gateTitle: gate.title,
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      trigger: request.trigger,
      mode: gate.mode,
      verdict: 'error',
      score: null,
      passPercent: gate.passPercent,
      warningPercent: gate.warningPercent,
      criteria: [],
      startedAt: now,
      finishedAt: now,
      requestedBy: request.requestedBy,
      problems,
    });
  }
}
