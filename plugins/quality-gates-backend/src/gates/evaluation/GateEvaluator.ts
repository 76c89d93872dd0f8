import { randomUUID } from 'node:crypto';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  decisionAnswer,
  decisionSentence,
  GateDecision,
  GateEvaluation,
  GateTrigger,
  GateVerdict,
  scoreGate,
  waitingUntil,
} from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { GateConfig } from '../definitions/gateSchema';
import {
  applicableGates,
  gatesForEntity,
} from '../definitions/GateDefinitions';
import { TightenedGate } from '../definitions/tightenGates';
import { repositorySourceProblems } from '../definitions/repositorySources';
import {
  GateEvaluationStore,
  NewGateEvaluation,
  storedEvaluation,
} from '../store/GateEvaluationStore';
import { GateDecisionStore } from '../decisions/GateDecisionStore';
import { GateOverrideStore } from '../overrides/GateOverrideStore';
import { applyOverride } from '../overrides/applyOverrides';
import { evaluateCriterion } from './evaluateCriterion';
import { settle } from './earlyMeasurements';
import { GateRun } from './gateRun';
import { tracer } from '../../telemetry/instruments';

/** What a caller asks: may this version of this entity go to this environment? */
export interface GateRequest {
  /**
   * The entity, or its pending lookup: gates the request alone shows to
   * apply start measuring meanwhile. A lookup that fails (not visible, not
   * allowed) fails the evaluation before anything is stored.
   */
  entity: Entity | Promise<Entity>;
  /**
   * Whether measuring may start before the entity arrives: false (say, the
   * caller was refused the permission) waits for the entity, whose lookup
   * then fails the evaluation. Absent: at once.
   */
  mayMeasure?: Promise<boolean>;
  entityRef: string;
  environment: string;
  version: string;
  trigger: GateTrigger;
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

/**
 * The worst effective verdict: what integrations reading `verdict` act on
 * (an Argo Rollouts web metric). Nothing to decide is an error.
 */
function worstVerdict(
  evaluations: Pick<GateEvaluation, 'effectiveVerdict'>[],
  problems: readonly string[],
): GateVerdict {
  if (problems.length > 0 || evaluations.length === 0) return 'error';
  return evaluations.reduce<GateVerdict>(
    (worst, evaluation) =>
      SEVERITY[evaluation.effectiveVerdict] > SEVERITY[worst]
        ? evaluation.effectiveVerdict
        : worst,
    'pass',
  );
}

/**
 * Whether the request alone shows that a gate applies: its environment
 * matches and it selects entities by kind at most (the kind is in the
 * ref). Gates selecting by anything else wait for the catalog entity.
 */
function appliesByRequest(gate: GateConfig, request: GateRequest): boolean {
  const selects = Object.entries(gate.appliesTo ?? {}).filter(
    ([, value]) => value !== undefined,
  );
  if (selects.some(([field]) => field !== 'kind')) return false;
  const { kind, namespace, name } = parseEntityRef(request.entityRef);
  return (
    applicableGates(
      [gate],
      { apiVersion: '', kind, metadata: { name, namespace } },
      request.environment,
    ).length > 0
  );
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
      decisions: GateDecisionStore;
      overrides: GateOverrideStore;
      urlReader: UrlReaderService;
      deadlineMs: number;
      /** Sources not safe for repository config that components may use anyway. */
      repositoryAllowedSources: readonly string[];
      /** The app page of a decision, when the app's address is known. */
      decisionUrl?: (decisionId: string) => string | undefined;
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
          const decision = await this.decideAndStore(request);
          span.setAttribute('quality_gates.verdict', decision.verdict);
          span.setAttribute('quality_gates.answer', decision.answer);
          return decision;
        } finally {
          span.end();
        }
      },
    );
  }

  /**
   * Measures every gate, applies the overrides active in the decision's
   * scope, answers, and stores the decision with its evaluations at once.
   */
  private async decideAndStore(request: GateRequest): Promise<GateDecision> {
    // Overrides depend on the request only: read while the gates measure.
    const overrides = settle(this.options.overrides.activeIn(request));
    const measured = await this.decide(request);
    const activeRead = await overrides;
    if ('error' in activeRead) throw activeRead.error;
    const active = activeRead.value;
    const evaluations = measured.evaluations.map(evaluation => {
      const { override, effectiveVerdict } = applyOverride(evaluation, active);
      return {
        id: randomUUID(),
        evaluation,
        applied: override ? { override, effectiveVerdict } : undefined,
      };
    });
    const decisionId = randomUUID();
    const answered = evaluations.map(({ id, evaluation, applied }) =>
      storedEvaluation(id, evaluation, { decisionId, applied }),
    );
    const verdict = worstVerdict(answered, measured.problems);
    // Criteria that only wait (soak, too little traffic) make it not yet.
    const askAgainAt =
      measured.problems.length === 0 ? waitingUntil(answered) : undefined;
    const answer = decisionAnswer(answered, measured.problems, { askAgainAt });
    const decision: GateDecision = {
      id: decisionId,
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      trigger: request.trigger,
      ...(request.requestedBy ? { requestedBy: request.requestedBy } : {}),
      decidedAt: DateTime.utc().toISO()!,
      answer,
      ...(answer === 'not_yet' && askAgainAt ? { askAgainAt } : {}),
      sentence: decisionSentence({
        answer,
        environment: request.environment,
        version: request.version,
        askAgainAt,
        evaluations: answered,
        problems: measured.problems,
      }),
      verdict,
      evaluations: answered,
      problems: measured.problems,
    };
    await this.options.decisions.save({
      ...decision,
      evaluations: evaluations.map(({ id, evaluation, applied }) => ({
        id,
        evaluation,
        applied,
      })),
    });
    return decision;
  }

  /**
   * Measures every gate that applies; nothing is stored yet. Central gates
   * start measuring as soon as it is known that they apply (from the
   * request, else from the entity), while the entity and the component's
   * gate file are still being read; the file then only changes how their
   * criteria are judged, or adds criteria measured once it is read.
   */
  private async decide(request: GateRequest): Promise<{
    evaluations: NewGateEvaluation[];
    problems: string[];
  }> {
    const deadline = AbortSignal.timeout(this.options.deadlineMs);
    const sources = this.options.sources();
    const runs = new Map<string, GateRun>();
    const start = (gate: GateConfig) => {
      if (!runs.has(gate.id)) {
        runs.set(
          gate.id,
          new GateRun(gate, request, sources, deadline, this.options.store),
        );
      }
    };
    try {
      if ((await request.mayMeasure) ?? true) {
        this.options.gates
          .filter(gate => appliesByRequest(gate, request))
          .forEach(start);
      }
      const entity = await request.entity;
      const central = applicableGates(
        this.options.gates,
        entity,
        request.environment,
      );
      for (const [id, run] of runs) {
        if (!central.some(gate => gate.id === id)) {
          run.abort();
          runs.delete(id);
        }
      }
      central.forEach(start);
      const fromFile = await gatesForEntity({
        gates: this.options.gates,
        entity,
        environment: request.environment,
        urlReader: this.options.urlReader,
        signal: deadline,
      });
      const gates = fromFile.gates;
      const problems = [
        ...fromFile.problems,
        ...repositorySourceProblems(
          gates,
          sources,
          this.options.repositoryAllowedSources,
        ),
      ];
      if (problems.length > 0) {
        // The definitions themselves are broken: every gate that would have
        // applied records an error, so the history shows why.
        const evaluations = central.map(gate =>
          this.errorEvaluation(gate, request, problems),
        );
        return { evaluations, problems };
      }
      if (gates.length === 0) {
        return {
          evaluations: [],
          problems: [
            `No gate applies to ${request.entityRef} in ${request.environment}: nothing decides, so the answer is no`,
          ],
        };
      }
      // Every tightened gate is an applicable central one: already running.
      const evaluations = await Promise.all(
        gates.map(gate =>
          this.evaluateGate(
            gate,
            request,
            deadline,
            sources,
            runs.get(gate.id)!,
          ),
        ),
      );
      return { evaluations, problems: [] };
    } finally {
      // Queries nothing will read (the lookup failed, the file was broken).
      for (const run of runs.values()) run.abort();
    }
  }

  private async evaluateGate(
    gate: TightenedGate,
    request: GateRequest,
    deadline: AbortSignal,
    sources: ReadonlyMap<string, CriterionSource>,
    run: GateRun,
  ): Promise<NewGateEvaluation> {
    const criteria = await Promise.all(
      gate.criteria.map(criterion =>
        evaluateCriterion(criterion, {
          gateId: gate.id,
          entityRef: request.entityRef,
          environment: request.environment,
          version: request.version,
          window: run.window,
          signal: deadline,
          sources,
          store: this.options.store,
          history: run.history,
          decisionUrl: this.options.decisionUrl,
          early: run.earlyMeasurement(criterion.key),
        }),
      ),
    );
    const { verdict, score } = scoreGate(criteria, gate);
    return {
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
      startedAt: run.startedAt.toISO()!,
      finishedAt: DateTime.utc().toISO()!,
      requestedBy: request.requestedBy,
    };
  }

  private errorEvaluation(
    gate: GateConfig,
    request: GateRequest,
    problems: string[],
  ): NewGateEvaluation {
    const now = DateTime.utc().toISO()!;
    return {
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
    };
  }
}
