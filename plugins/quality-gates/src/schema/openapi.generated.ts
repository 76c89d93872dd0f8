// This file is generated from openapi.yaml by scripts/generate-openapi.mjs.
// Do not edit it by hand: change openapi.yaml and run `yarn openapi:generate`.
/* eslint-disable */

export interface paths {
    "/catalog-columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalog table's columns for a page of rows, in one request.
         * @description Each entity's readiness level and its newest gate decision in one
         *     environment. Entities the caller cannot see, like unknown ones, are
         *     left out; so are fields an entity has no data for.
         */
        get: operations["GetCatalogColumns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entity's deployments, newest first, and the version each environment runs. */
        get: operations["ListDeployments"];
        put?: never;
        /**
         * Report deployments from a system that sends no CDEvents or webhooks (source `api`).
         * @description One deployment, or `{ "items": [...] }` of up to 500, validated whole
         *     and written in one transaction: one bad item stores nothing, and the
         *     400 lists every bad field by its path (e.g. `items.3.environment`).
         *     Resending an `externalId` updates that deployment in place; a late
         *     `in_progress` never reopens a finished one.
         *
         *     Needs the `quality-gates.events.create` permission, checked before
         *     the body is read (403).
         */
        post: operations["ReportDeployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deploymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deployment with its changes, its pipeline run, the gate decisions for its environment and version, and the incidents it caused. */
        get: operations["GetDeploymentView"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dora/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deployments, changes or incidents behind one figure. */
        get: operations["GetDoraDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dora/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The five DORA metrics of an entity, a group's or a system's components.
         * @description Computed by the database over the window and the window of the same
         *     length before it. Which environments count as production and the band
         *     thresholds come from `qualityGates.dora`.
         */
        get: operations["GetDoraMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dora/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The DORA metrics per ISO week (Monday 00:00 UTC), oldest first. */
        get: operations["GetDoraTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What is where - the version each environment runs, and how far each environment before production is ahead of it.
         * @description Production is the entity's environment named in
         *     `qualityGates.dora.productionEnvironments` (the most recently deployed
         *     if several), else the last on the promotion path.
         */
        get: operations["GetEnvironmentStates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/cdevents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A CDEvents sink for CloudEvents over HTTP (structured, batch or binary mode).
         * @description Recorded CDEvent types, with any 0.x version of their schema (spec
         *     v0.4 and v0.5): `dev.cdevents.service.deployed|upgraded|rolledback`,
         *     `dev.cdevents.pipelinerun.finished`,
         *     `dev.cdevents.incident.reported|resolved`. Any other type is refused
         *     with 400 naming these.
         *
         *     - Structured mode: `Content-Type: application/cloudevents+json`, the
         *       CDEvent in `data`. Batch mode: `application/cloudevents-batch+json`,
         *       an array of up to 100 such events, recorded in order.
         *     - Binary mode: `ce-specversion`, `ce-id`, `ce-source`, `ce-type`
         *       headers and the CDEvent as the `application/json` body.
         *
         *     Every event of a request is validated before anything is written;
         *     each is then recorded in its own transaction. An event already
         *     recorded (same `context.source` and `context.id`) is answered with
         *     `duplicate: true` and changes nothing.
         *
         *     A deployment's `externalId` (source `cdevents`) is
         *     `<subject.source>/<subject.id>/<environment.id>/<artifactId>`
         *     (`subject.source` defaults to `context.source`; `sha256:<hex>` of it
         *     when longer than 255). Its version is the purl's version. A
         *     rollback marks the deployment that ran before it `rolled_back`; with
         *     none known, it is kept as its own `rolled_back` deployment of the
         *     artifact it went back to. An incident is keyed
         *     `<subject.source>/<subject.id>`, so `resolved` completes `reported`
         *     in any order; it names as its cause the deployment of the artifact
         *     it reports, when that deployment was running there at the time.
         *
         *     Needs the `quality-gates.events.create` permission, checked before
         *     the body is read (403).
         */
        post: operations["ReceiveCdEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Environments in promotion order and the versions to ask about.
         * @description Environments the entity's gates apply to and those it was deployed
         *     to, in promotion order, each with the version it runs and the
         *     candidate to ask about next (what the previous environment runs; for
         *     the first, the newest version built). Versions seen in deployments,
         *     pipeline runs and decisions, newest first, at most 50.
         */
        get: operations["GateCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored decisions, newest first, as the caller may see them. */
        get: operations["ListGateDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/decisions/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One decision with every gate's evidence. */
        get: operations["GetGateDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/decisions/{decisionId}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Override a decision's gate, or all its gates, for its entity, environment and version.
         * @description Needs the `quality-gates.gate.override` permission on the entity.
         *     The scope is the decision's entity, environment and version, and
         *     `gateId` (absent: every gate). Audited.
         */
        post: operations["OverrideGateDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/decisions/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest decision for a version in each environment, in promotion order. */
        get: operations["LatestGateDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/effectiveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How often each gate and criterion judged versions right.
         * @description Per gate and per criterion over the evaluations of the period: true
         *     and false blocks, misses, correct passes, sensitivity and
         *     specificity, and the criteria that flipped on the same version. A
         *     version is bad when a deployment of it there failed or was rolled
         *     back, or an incident is tied to it (its explicit cause, or opened
         *     within `qualityGates.gates.effectiveness.window` after it was the
         *     last successful deployment); see docs/gates.md.
         */
        get: operations["GetGateEffectiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Can I deploy? Evaluate every gate that applies, store and answer.
         * @description Evaluates each gate that applies to the entity in the environment
         *     (central gates tightened by the component's own file), all criteria
         *     concurrently under `qualityGates.gates.deadlineSeconds`, applies the
         *     overrides active for the entity, environment and version, and
         *     stores the answer as a decision. `answer` is `yes` only when every
         *     enforcing gate passes, warns or is overridden to pass; `sentence`
         *     says why. `verdict` is the worst effective verdict of the gates. It
         *     fails closed: no gate, a broken definition, a provider error or the
         *     deadline give `error`, never `yes`.
         *
         *     Needs the `quality-gates.gate.evaluate` permission on the entity
         *     (403); an entity the caller cannot see is a 404.
         */
        post: operations["EvaluateGates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored gate evaluations, newest first. */
        get: operations["ListGateEvaluations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluations/{evaluationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evaluation with its full evidence. */
        get: operations["GetGateEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluations/{evaluationId}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Override a verdict, with a reason and an expiry.
         * @description Needs the `quality-gates.gate.override` permission. The recorded
         *     verdict stays; the override is stored beside it and changes the
         *     effective verdict until it expires or is revoked, here and in every
         *     later evaluation of the same gate, entity, environment and version.
         */
        post: operations["OverrideGateEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluations/{evaluationId}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pin an evaluation as its gate's baseline.
         * @description Needs the `quality-gates.gate.baseline.pin` permission on the
         *     evaluation's entity. At most one evaluation per gate, entity and
         *     environment is pinned: this one replaces the one pinned before.
         *     Criteria with `baseline: { pinned: true }` compare with it, and
         *     retention keeps it.
         */
        post: operations["PinGateEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluations/{evaluationId}/unpin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unpin an evaluation; retention judges it by age again.
         * @description Needs the `quality-gates.gate.baseline.pin` permission on the
         *     evaluation's entity. Unpinning one that is not pinned changes
         *     nothing.
         */
        post: operations["UnpinGateEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/evaluations/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The evaluation history, filtered like the list, as CSV.
         * @description Every matching evaluation (no paging), newest first.
         */
        get: operations["ExportGateEvaluations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overrides, newest first, of the entities the caller can see. */
        get: operations["ListGateOverrides"];
        put?: never;
        /**
         * Override a gate (or every gate) for an entity, environment and version.
         * @description Needs the `quality-gates.gate.override` permission on the entity.
         *     Until it expires or is revoked, every evaluation in the scope keeps
         *     its measured verdict and takes the override's as its effective
         *     verdict. `expiresAt` is at most `qualityGates.gates.maxOverrideDays`
         *     ahead. Audited.
         */
        post: operations["CreateGateOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/overrides/{overrideId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an override before it expires.
         * @description Needs the `quality-gates.gate.override.revoke` permission on the
         *     entity. Records who revoked it, when and why; later evaluations no
         *     longer apply it, earlier ones keep the effective verdict it gave.
         *     Audited. Revoking twice is a 409.
         */
        post: operations["RevokeGateOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest evaluation of each gate in each environment of an entity. */
        get: operations["GetGateStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability; needs no credentials. */
        get: operations["GetHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/heartbeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report heartbeats, read by the `heartbeat` gate criterion (source `api`).
         * @description One heartbeat, or `{ "items": [...] }` of up to 500, validated whole
         *     and written in one transaction: one bad item stores nothing, and the
         *     400 lists every bad field by its path. CDEvents has no heartbeat
         *     event, so this is the only way to send one.
         *
         *     Needs the `quality-gates.events.create` permission, checked before
         *     the body is read (403).
         */
        post: operations["ReportHeartbeats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entity's incidents, newest first. */
        get: operations["ListIncidents"];
        put?: never;
        /**
         * Report incidents from a system that sends no CDEvents (source `api`).
         * @description One incident, or `{ "items": [...] }` of up to 500, validated whole
         *     and written in one transaction: one bad item stores nothing, and the
         *     400 lists every bad field by its path. Resending an `externalId`
         *     updates that incident (e.g. to resolve it); the earliest `openedAt`
         *     is kept. `causedByDeployment` names a deployment of any source by its
         *     key; unknown, it is stored as no cause.
         *
         *     Needs the `quality-gates.events.create` permission, checked before
         *     the body is read (403).
         */
        post: operations["ReportIncidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/unresolved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events kept for entities the catalog does not know, grouped by what they said about their entity (e.g. `service.name=checkout`), most recent first.
         * @description Unresolved events name no entity the catalog could filter by, so they are listed only to callers with the `quality-gates.events.create` permission (403 otherwise).
         */
        get: operations["ListUnresolvedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/path-to-production": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything that happened to one commit or version, in time order, up to its production deployment.
         * @description Steps are the entity's pipeline runs that built the commit (and the
         *     runs that performed its deployments), and its deployments: of the
         *     version, or bringing the commit (either key is matched both ways, as
         *     versions are often commit shas), each with the gate decisions for its
         *     environment and version. Give exactly one of `sha` and `version`.
         */
        get: operations["GetPathToProduction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pipeline-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entity's CI/CD pipeline runs, newest first, with duration and queue time. */
        get: operations["ListPipelineRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pipelines/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each pipeline of an entity as a product - runs, failure rate, duration and queue time, over the range and per week, and the same for its CI tasks.
         * @description Computed by the database. Runs count in the range by their start;
         *     percentiles are nearest-rank. Tasks are the spans of the runs' traces
         *     that name a CI task (`cicd.pipeline.task.name`); a task failed when
         *     its result is failure, error or timeout, or it names none and its
         *     span status is error.
         */
        get: operations["GetPipelineStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The readiness levels in order and every check that is in use. */
        get: operations["ListReadinessChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/entity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entity's stored readiness, as of its last evaluation.
         * @description Reads stored results only; it never runs a check. An entity that was
         *     never evaluated answers without `summary`, every check `not_reported`.
         */
        get: operations["GetEntityReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/entity/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate one entity's checks now, store and return the result.
         * @description Needs the `quality-gates.readiness.evaluate` permission on the entity (403); an entity the caller cannot see is a 404.
         */
        post: operations["EvaluateEntityReadiness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/entity/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How one entity's readiness changed, oldest first.
         * @description A point is kept each time the level or a check's state changed.
         */
        get: operations["GetEntityReadinessHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/exemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exemptions, newest first, revoked and expired ones included. */
        get: operations["ListReadinessExemptions"];
        put?: never;
        /**
         * Exempt one entity from one check until a date.
         * @description Needs the `quality-gates.readiness.exemption.create` permission. The
         *     entity is re-evaluated so the exemption shows at once. An exemption
         *     already in force for the same entity and check is answered with 409.
         */
        post: operations["CreateReadinessExemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/exemptions/{exemptionId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an exemption now; it stays in the audit trail.
         * @description Needs the `quality-gates.readiness.exemption.revoke` permission.
         */
        post: operations["RevokeReadinessExemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stored readiness of every evaluated entity, for the platform team.
         * @description New entities (`lifecycle: experimental`, or first seen within
         *     `qualityGates.readiness.newEntityDays`) come first unless `sort` is
         *     given. Reads stored results only.
         */
        get: operations["GetReadinessOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/overview/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The overview, filtered and sorted the same way, as CSV.
         * @description Every matching row (no paging), one column per check state.
         */
        get: operations["ExportReadinessOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/overview/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The overview's stored results grouped by owner or system.
         * @description Per owner or system (as stored with the results; entities without
         *     one form the group with `ref: null`, listed last): how many entities
         *     are at each level and the check failing for the most of them. Takes
         *     the overview's filters and, like it, counts only entities the caller
         *     can see.
         */
        get: operations["GetReadinessOverviewGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readiness/rollup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stored readiness of a group's or a system's components.
         * @description The components a group owns (with its sub-groups', see
         *     `qualityGates.readiness.rollups.includeSubgroups`) or a system holds,
         *     as the catalog lists them for the caller: components the caller
         *     cannot see are neither counted nor listed. Reads stored results only;
         *     components without one count as not evaluated.
         */
        get: operations["GetReadinessRollup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entity's deployments, gate decisions and incidents on a time axis, environments as lanes.
         * @description Lanes are every environment the entity ever deployed to, in promotion
         *     order. At most 2,000 deployments, 2,000 gate decisions and 500
         *     incidents are returned, the newest; `truncated` says when a kind was
         *     cut, so the caller can ask for a shorter range.
         */
        get: operations["GetDeliveryTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces/{traceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One trace's spans for a waterfall, ordered by start, each with its parent and depth, and the pipeline run the trace records, if any. */
        get: operations["GetTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/traces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OTLP/HTTP trace receiver; point any OpenTelemetry exporter or Collector here.
         * @description Takes an OTLP `ExportTraceServiceRequest` as protobuf
         *     (`application/x-protobuf`) or OTLP JSON (`application/json`: hex trace
         *     and span ids, 64-bit integers as strings or numbers, enums as numbers
         *     or names), optionally `Content-Encoding: gzip` or `deflate`. The
         *     body size limit (`qualityGates.ingest.maxBodySize`) applies after
         *     inflating. Exporter configuration: endpoint
         *     `<backend>/api/quality-gates/v1/traces`, header
         *     `Authorization: Bearer <static token>`.
         *
         *     Every valid span is stored, keyed by (trace id, span id): a
         *     redelivered span changes nothing. Invalid spans (ids of the wrong
         *     size or all zero, missing times, end before start, unreadable
         *     fields) are rejected one by one and reported the OTLP way, as
         *     `partialSuccess` in a 200 answer; the valid ones are stored.
         *
         *     CI pipeline runs are read from the spans through the OpenTelemetry
         *     CI/CD semantic conventions (`cicd.pipeline.*`, `vcs.*`), the Jenkins
         *     OpenTelemetry plugin's `ci.pipeline.*`/`git.*` and the Collector
         *     GitHub receiver's variants: a run's SERVER span (or a trace's root
         *     naming a pipeline) becomes a pipeline run of source `otlp`, keyed by
         *     pipeline name and run id (and attempt), or by trace id without a run
         *     id, and is written in the same transaction as the spans.
         *
         *     Entities are resolved per resource: an explicit
         *     `backstage.entity_ref` resource attribute, else `service.name`, else
         *     the GitHub repository of `vcs.repository.url.full`. Spans of unknown
         *     entities are kept, with the hint.
         *
         *     Answers are in the request's encoding; error answers to protobuf
         *     requests are a protobuf `google.rpc.Status`.
         *
         *     Needs the `quality-gates.events.create` permission, checked before
         *     the body is read (403).
         */
        post: operations["ReceiveOtlpTraces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub webhook deliveries; authenticated by their signature, not a Backstage token.
         * @description Point a repository or organization webhook here (content type `json`
         *     or `form`) with the secret configured as
         *     `qualityGates.github.webhookSecret`. Each delivery must carry
         *     `X-Hub-Signature-256`, the HMAC-SHA256 of the raw body made with that
         *     secret (any one of a list, for rotation); without a configured secret
         *     every delivery is refused with 503.
         *
         *     Recorded events: `deployment` (created → in progress) and
         *     `deployment_status` (one deployment per GitHub deployment id, updated
         *     in place; `inactive` records nothing, since GitHub sets it on a
         *     superseded deployment and that is not a rollback), `workflow_run`
         *     (one pipeline run per run attempt), `push` (one change per commit) and
         *     `pull_request` (opened, reopened, synchronize, closed when merged).
         *     Entities are found by the repository's `github.com/project-slug`, or
         *     by `backstageEntityRef` in a deployment's payload (monorepos). Events
         *     whose entity is unknown are kept with the hint. A redelivery (same
         *     `X-GitHub-Delivery`) writes nothing again.
         *
         *     `deployment_protection_rule` (to a GitHub App that guards an
         *     environment) is answered 202 `evaluating`: the gates are evaluated
         *     for the repository's entity, the environment and the deployed sha,
         *     and the App approves (pass, warn) or rejects (fail, error) through
         *     the event's `deployment_callback_url`. A "not yet" answer (a soak,
         *     too little traffic yet) is not sent: the rule stays pending, the
         *     gates are asked again at the decision's `askAgainAt`, and the
         *     answer goes when they decide, or a rejection after
         *     `qualityGates.github.deploymentProtection.maxPendingTime` (6 h). A callback URL outside the
         *     configured GitHub API is refused (400); no GitHub App configured for
         *     the host: 503.
         */
        post: operations["ReceiveGitHubWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A commit that can reach production. */
        Change: {
            author?: string;
            /** Format: date-time */
            authoredAt?: string;
            /** Format: date-time */
            committedAt?: string;
            entityRef?: string;
            message?: string;
            pullRequest?: {
                /** Format: date-time */
                mergedAt?: string;
                number: number;
                /** Format: date-time */
                openedAt?: string;
            };
            /** Format: date-time */
            pushedAt?: string;
            ref?: string;
            /** @description Normalised repository, e.g. github.com/org/repo. */
            repository: string;
            sha: string;
            url?: string;
        };
        CriterionEffectiveness: {
            counts: components["schemas"]["EffectivenessCounts"];
            key: string;
            /** @description The criterion never had data for the version. */
            noData: number;
            /** @description True blocks ÷ bad versions. */
            sensitivity: number | null;
            source: string;
            /** @description Correct passes ÷ good versions. */
            specificity: number | null;
            versions: number;
        };
        CriterionEvidence: {
            /**
             * Format: date-time
             * @description Set on a criterion that holds its gate back only for now (no data
             *     yet, or a soak short of its time) and may decide then. The state
             *     stays `no_data` or `fail`; the decision answers `not_yet`.
             */
            askAgainAt?: string;
            baseline?: {
                aggregate: string;
                from: number;
                pinned?: components["schemas"]["PinnedBaseline"];
                value: number | null;
            };
            details?: {
                [key: string]: unknown;
            };
            durationMs: number;
            facts?: components["schemas"]["EvidenceFact"][];
            key: string;
            keyCriterion: boolean;
            link?: string;
            /** @description The criterion's sentence in words, with absolute times. */
            message: string;
            observed: number | null;
            query?: string;
            sampleSize?: number;
            score: number;
            source: string;
            /** @enum {string} */
            state: "pass" | "warning" | "fail" | "error" | "no_data";
            summary?: components["schemas"]["EvidenceSentence"];
            threshold?: {
                pass?: string;
                warning?: string;
            };
            title?: string;
            weight: number;
        };
        /** @enum {string} */
        DecisionAnswer: "yes" | "no" | "not_yet" | "error";
        /** @description One entity's delivery on a time axis. */
        DeliveryTimeline: {
            /** @description Deployments started in the range, oldest first. */
            deployments: components["schemas"]["Deployment"][];
            entityRef: string;
            /** Format: date-time */
            from: string;
            /** @description Gate decisions made in the range, oldest first. */
            gateDecisions: components["schemas"]["TimelineGateDecision"][];
            /** @description Incidents open at some time in the range, oldest first. */
            incidents: components["schemas"]["Incident"][];
            /** @description Every environment the entity ever deployed to, in promotion order. */
            lanes: string[];
            /** Format: date-time */
            to: string;
            /** @description A kind hit its row limit (2,000 deployments, 2,000 gate decisions, 500 incidents); the newest are kept. */
            truncated: boolean;
        };
        Deployment: {
            actor?: string;
            artifact?: string;
            /** @description Commits the deployment brought, with commit data where received. */
            changes?: components["schemas"]["Change"][];
            description?: string;
            entityRef: string;
            environment: string;
            /** @description The source's own id; unique per source. */
            externalId: string;
            /** Format: date-time */
            finishedAt?: string;
            id: string;
            pipelineRun?: components["schemas"]["PipelineRun"];
            pipelineRunId?: string;
            /** @description Reporting system (cdevents, github, api, demo, ...). */
            source: string;
            /** Format: date-time */
            startedAt: string;
            status: components["schemas"]["DeploymentStatus"];
            /** @description Deploy log or target. */
            url?: string;
            version: string;
        };
        /** @description One deployment, keyed by the caller's `externalId` (source `api`). */
        DeploymentInput: components["schemas"]["EntityHints"] & {
            actor?: string;
            /** @description Digest or package URL. */
            artifact?: string;
            /** @description Commits the deployment brought. */
            changes?: {
                /** @description With its host: `github.com/org/repo`, a URL or a `git@host:org/repo.git` remote (normalised). */
                repository: string;
                sha: string;
            }[];
            description?: string;
            environment: string;
            externalId: string;
            /**
             * Format: date-time
             * @description Not before `startedAt`.
             */
            finishedAt?: string;
            pipelineRun?: components["schemas"]["SourceKeyInput"];
            /** Format: date-time */
            startedAt: string;
            status: components["schemas"]["DeploymentStatus"];
            /** Format: uri */
            url?: string;
            version: string;
        };
        /** @enum {string} */
        DeploymentStatus: "in_progress" | "succeeded" | "failed" | "rolled_back";
        DeploymentView: {
            changes: components["schemas"]["Change"][];
            deployment: components["schemas"]["Deployment"];
            /** @description Evaluations for the same entity, environment and version, oldest first. */
            gateDecisions: components["schemas"]["TimelineGateDecision"][];
            /** @description Incidents that name this deployment as their cause. */
            incidents: components["schemas"]["Incident"][];
            pipelineRun?: components["schemas"]["PipelineRun"];
        };
        /** @enum {string|null} */
        DoraBand: "elite" | "high" | "medium" | "low" | null;
        DoraBounds: {
            elite: number;
            high: number;
            medium: number;
        };
        DoraFigures: {
            changeFailureRate: {
                band: components["schemas"]["DoraBand"];
                deployments: number;
                failed: number;
                rate: number | null;
            };
            deploymentFrequency: {
                band: components["schemas"]["DoraBand"];
                /** @enum {string|null} */
                bucket: "on_demand" | "daily_to_weekly" | "weekly_to_monthly" | "less_than_monthly" | null;
                deployments: number;
                perDay: number;
                perWeek: number;
            };
            leadTime: {
                band: components["schemas"]["DoraBand"];
                changes: number;
                excludedNonPositive: number;
                medianSeconds: number | null;
                p90Seconds: number | null;
            };
            recoveryTime: {
                band: components["schemas"]["DoraBand"];
                failures: number;
                medianSeconds: number | null;
                recovered: number;
                unrecovered: number;
            };
            reworkRate: {
                band: components["schemas"]["DoraBand"];
                deployments: number;
                rate: number | null;
                unplanned: number;
            };
        };
        DoraScope: {
            entityRefs: string[];
            /** @enum {string} */
            kind: "entity" | "group" | "system";
            ref: string;
        };
        /** @description Nearest-rank percentiles of durations in seconds; null without data. */
        DurationPercentiles: {
            count: number;
            p50Seconds: number | null;
            p95Seconds: number | null;
        };
        /** @description Versions (entity, environment, version) by judgement and outcome. Each counts once, by its latest judgement in the period. */
        EffectivenessCounts: {
            /** @description Passed, and the version stayed good. */
            correctPasses: number;
            /** @description Every evaluation was an error; not a judgement of the version. */
            errors: number;
            /** @description Blocked, yet the version shipped there and stayed good. */
            falseBlocks: number;
            /** @description Passed, and the version was rolled back, failed or caused an incident. */
            misses: number;
            /** @description Blocked, and the version turned out bad. */
            trueBlocks: number;
            /** @description Judged, but never deployed there or the window is not over. */
            unknown: number;
        };
        /** @description What names the entity, tried in this order: an entity ref the catalog knows, a service name (an entity's `quality-gates/service-name` or a Component's name), a repository (`github.com/project-slug`). At least one is required; an item that names no known entity is kept with `entityRef: null` and its hint. */
        EntityHints: {
            /** @description e.g. `component:default/checkout`. */
            entityRef?: string;
            /** @description `owner/name` of the repository. */
            repositorySlug?: string;
            serviceName?: string;
        };
        EntityReadiness: {
            checks: {
                description: string;
                howToFix: string;
                id: string;
                level?: string;
                result: components["schemas"]["ReadinessCheckResult"];
                title: string;
            }[];
            entityRef: string;
            exemptions: components["schemas"]["ReadinessExemption"][];
            levels: components["schemas"]["ReadinessLevel"][];
            summary?: components["schemas"]["ReadinessSummary"];
        };
        /** @description The version an environment runs now, and what production lacks compared with it. */
        EnvironmentState: {
            /** @description Only for environments before production on the promotion path. */
            aheadOfProduction?: {
                /** @description Commits deployed successfully here that no successful production deployment brought. */
                changesAhead: number;
                /**
                 * Format: date-time
                 * @description When the oldest of those commits was first deployed here.
                 */
                oldestWaitingSince?: string;
                /** @description Distinct versions deployed successfully here since production's current deployment, production's version not counted. */
                versionsAhead: number;
            };
            /** @description The latest succeeded deployment; absent when none ever succeeded. */
            current?: {
                actor?: string;
                /** Format: date-time */
                deployedAt: string;
                deploymentId: string;
                version: string;
            };
            environment: string;
            /** @description The newest deployment, when it is not the current one. */
            latestAttempt?: {
                /** Format: date-time */
                finishedAt?: string;
                id: string;
                /** Format: date-time */
                startedAt: string;
                status: components["schemas"]["DeploymentStatus"];
                version: string;
            };
        };
        EnvironmentVersion: {
            /** Format: date-time */
            deployedAt: string;
            deploymentId: string;
            environment: string;
            version: string;
        };
        /** @description Backstage's standard error body. */
        Error: {
            error: {
                message: string;
                name: string;
            };
            request?: {
                method?: string;
                url?: string;
            };
            response?: {
                statusCode?: number;
            };
        };
        /** @description One typed fact of a criterion's evidence; `label` names it in a list. Durations are in milliseconds, ratios are fractions, times ISO 8601. */
        EvidenceFact: {
            at?: string;
            /** @enum {string} */
            kind: "duration" | "time" | "count" | "ratio" | "interval" | "number" | "version" | "link" | "text";
            label?: string;
            level?: number;
            lower?: number;
            ms?: number;
            /** @enum {string} */
            of?: "ratio" | "number";
            signed?: boolean;
            text?: string;
            timeZone?: string;
            unit?: string;
            upper?: number;
            url?: string;
            value?: number;
            version?: string;
        };
        /** @description One sentence of words and facts in reading order, e.g. "CI run ", a link fact "#4185", " succeeded". */
        EvidenceSentence: (string | components["schemas"]["EvidenceFact"])[];
        /** @description A criterion that both passed and failed the same version in the same environment; flips counts changes between pass and fail in time order. */
        FlakyCriterion: {
            criterionKey: string;
            entityRef: string;
            environment: string;
            evaluations: number;
            fails: number;
            flips: number;
            gateId: string;
            /** Format: date-time */
            lastEvaluatedAt: string;
            passes: number;
            version: string;
        };
        /** @description Who pinned the evaluation as its gate's baseline, and when. */
        GateBaselinePin: {
            /** Format: date-time */
            pinnedAt: string;
            pinnedBy: string;
        };
        /**
         * @description One `POST /gates/evaluate`: the question, its answer in one
         *     sentence, and every gate evaluated for it. `verdict` is the worst
         *     effective verdict of the gates (what an Argo Rollouts web metric
         *     reads); only `answer: yes` lets a deploy through.
         */
        GateDecision: {
            answer: components["schemas"]["DecisionAnswer"];
            /** Format: date-time */
            askAgainAt?: string;
            /** Format: date-time */
            decidedAt: string;
            entityRef: string;
            environment: string;
            evaluations: components["schemas"]["GateEvaluation"][];
            id: string;
            problems: string[];
            requestedBy?: string;
            sentence: string;
            /** @enum {string} */
            trigger: "ci" | "schedule" | "manual";
            verdict: components["schemas"]["GateVerdict"];
            version: string;
        };
        /** @description A decision in a list, its gates without their criteria. */
        GateDecisionSummary: {
            answer: components["schemas"]["DecisionAnswer"];
            /** Format: date-time */
            askAgainAt?: string;
            /** Format: date-time */
            decidedAt: string;
            entityRef: string;
            environment: string;
            gates: {
                effectiveVerdict: components["schemas"]["GateVerdict"];
                gateId: string;
                gateTitle: string;
                id: string;
                /** @enum {string} */
                mode: "enforce" | "warn-only" | "dry-run";
                override?: components["schemas"]["GateOverride"];
                score: number | null;
                verdict: components["schemas"]["GateVerdict"];
            }[];
            id: string;
            problems: string[];
            requestedBy?: string;
            sentence: string;
            /** @enum {string} */
            trigger: "ci" | "schedule" | "manual";
            verdict: components["schemas"]["GateVerdict"];
            version: string;
        };
        /** @description One gate by its recorded verdict (fail blocks; pass and warn pass), whatever its mode or overrides. */
        GateEffectiveness: {
            counts: components["schemas"]["EffectivenessCounts"];
            criteria: components["schemas"]["CriterionEffectiveness"][];
            evaluations: number;
            gateId: string;
            gateTitle: string;
            /** @description True blocks ÷ bad versions. */
            sensitivity: number | null;
            /** @description Correct passes ÷ good versions. */
            specificity: number | null;
            versions: number;
        };
        GateEvaluation: {
            criteria: components["schemas"]["CriterionEvidence"][];
            decisionId?: string;
            effectiveVerdict: components["schemas"]["GateVerdict"];
            entityRef: string;
            environment: string;
            /** Format: date-time */
            finishedAt: string;
            gateId: string;
            gateTitle: string;
            id: string;
            /** @enum {string} */
            mode: "enforce" | "warn-only" | "dry-run";
            override?: components["schemas"]["GateOverride"];
            passPercent: number;
            pin?: components["schemas"]["GateBaselinePin"];
            problems?: string[];
            score: number | null;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            trigger: "ci" | "schedule" | "manual";
            verdict: components["schemas"]["GateVerdict"];
            version: string;
            warningPercent: number;
        };
        /**
         * @description An override for one entity, environment and version, of one gate
         *     (`gateId`) or every gate. While active (neither expired nor revoked)
         *     each evaluation there keeps its measured verdict and takes the
         *     override's as its effective verdict.
         */
        GateOverride: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            decisionId?: string;
            entityRef: string;
            environment: string;
            evaluationId?: string;
            /** Format: date-time */
            expiresAt: string;
            gateId?: string;
            id: string;
            reason: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revokeReason?: string;
            /** @enum {string} */
            verdict: "pass" | "fail";
            version: string;
        };
        /** @enum {string} */
        GateVerdict: "pass" | "warn" | "fail" | "error";
        /** @description One heartbeat. Without `externalId` every heartbeat sent counts; with one, a resend of it changes nothing. */
        HeartbeatInput: components["schemas"]["EntityHints"] & {
            details?: {
                [key: string]: string | number | boolean | null;
            };
            environment?: string;
            externalId?: string;
            /** @description What beats, e.g. `synthetic-checkout`; criteria select it by name. */
            name: string;
            /**
             * Format: date-time
             * @description When it happened; the time it is received by default. At most 5 minutes ahead of the server's clock.
             */
            occurredAt?: string;
            /** @description The version that sent it, for `sameVersion` criteria. */
            version?: string;
        };
        Incident: {
            causedByDeploymentId?: string;
            description?: string;
            entityRef?: string;
            environment?: string;
            externalId: string;
            id: string;
            labels?: {
                [key: string]: string;
            };
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            resolvedAt?: string;
            severity?: string;
            source: string;
            title?: string;
            url?: string;
        };
        /** @description One incident, keyed by the caller's `externalId` (source `api`). */
        IncidentInput: components["schemas"]["EntityHints"] & {
            causedByDeployment?: components["schemas"]["SourceKeyInput"];
            description?: string;
            environment?: string;
            externalId: string;
            labels?: {
                [key: string]: string;
            };
            /** Format: date-time */
            openedAt: string;
            /**
             * Format: date-time
             * @description Not before `openedAt`.
             */
            resolvedAt?: string;
            severity?: string;
            title?: string;
            /** Format: uri */
            url?: string;
        };
        IngestedHeartbeats: {
            /** @description One per heartbeat sent, in order. */
            items: {
                /** @description Its `externalId` was stored before; nothing changed. */
                duplicate: boolean;
                entityHint?: string;
                /** @description The catalog entity, or null when none matched (the heartbeat is kept). */
                entityRef: string | null;
                id: string;
                name: string;
                /** Format: date-time */
                occurredAt: string;
                resolved: boolean;
            }[];
            /** @description How many heartbeats were kept without a catalog entity. */
            unresolved: number;
        };
        IngestedItems: {
            /** @description One per item sent, in order. */
            items: (components["schemas"]["IngestedRow"] & {
                resolved: boolean;
            })[];
            /** @description How many items were kept without a catalog entity. */
            unresolved: number;
        };
        /** @description A row as stored after the request, merged with earlier deliveries. */
        IngestedRow: {
            /** @description Incidents; null when no cause is known. */
            causedByDeploymentId?: string | null;
            /** @description What the item said about its entity. */
            entityHint?: string;
            /** @description The catalog entity, or null when none matched (the row is kept). */
            entityRef: string | null;
            externalId: string;
            id: string;
            /** @description Deployments; null when the named run is unknown. */
            pipelineRunId?: string | null;
            source: string;
            status?: components["schemas"]["DeploymentStatus"];
        };
        PathStep: {
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "pipelineRun";
            pipelineRun: components["schemas"]["PipelineRun"];
        } | {
            /** Format: date-time */
            at: string;
            deployment: components["schemas"]["Deployment"];
            gateDecisions: components["schemas"]["TimelineGateDecision"][];
            /** @constant */
            kind: "deployment";
        };
        /**
         * @description The evaluation a criterion compared with because it is pinned as its
         *     gate's baseline for the entity and environment.
         */
        PinnedBaseline: {
            /** @description The app page of its decision, when app.baseUrl is set. */
            decisionUrl?: string;
            /** Format: date-time */
            evaluatedAt: string;
            evaluationId: string;
            /** Format: date-time */
            pinnedAt: string;
            pinnedBy: string;
            version: string;
        };
        /**
         * @description How a run ended, in the OpenTelemetry CI/CD vocabulary.
         * @enum {string}
         */
        PipelineResult: "success" | "failure" | "error" | "timeout" | "cancellation" | "skip";
        PipelineRun: {
            durationSeconds?: number;
            entityRef?: string;
            externalId: string;
            /** Format: date-time */
            finishedAt?: string;
            id: string;
            pipelineName: string;
            /** Format: date-time */
            queuedAt?: string;
            queueSeconds?: number;
            ref?: string;
            repository?: string;
            result?: components["schemas"]["PipelineResult"];
            runAttempt?: number;
            runId?: string;
            sha?: string;
            source: string;
            /** Format: date-time */
            startedAt: string;
            traceId?: string;
            url?: string;
        };
        PipelineStats: {
            duration: components["schemas"]["DurationPercentiles"];
            /** @description Runs with a result of failure, error or timeout. */
            failed: number;
            /** @description failed ÷ finished runs (runs with a result). */
            failureRate: number | null;
            /** @description Every week (from its Monday, UTC) of the range, empty ones included. */
            periods: {
                duration: components["schemas"]["DurationPercentiles"];
                failed: number;
                failureRate: number | null;
                /** Format: date-time */
                periodStart: string;
                queue: components["schemas"]["DurationPercentiles"];
                runs: number;
            }[];
            pipelineName: string;
            queue: components["schemas"]["DurationPercentiles"];
            runs: number;
            /** @description CI tasks (jobs, stages, steps) from the spans of the runs, by name. */
            tasks: {
                duration: components["schemas"]["DurationPercentiles"];
                failed: number;
                periods: {
                    duration: components["schemas"]["DurationPercentiles"];
                    /** Format: date-time */
                    periodStart: string;
                }[];
                taskName: string;
                taskType?: string;
            }[];
        };
        ReadinessCheckInfo: {
            /** @description Why the check matters. */
            description: string;
            /** @description How to fix a failure, as markdown. */
            howToFix: string;
            id: string;
            level?: string;
            title: string;
        };
        ReadinessCheckResult: {
            checkId: string;
            evidence?: {
                title: string;
                url?: string;
            }[];
            exemptionId?: string;
            /** @description Every item the check looked at, e.g. every alert rule. */
            items?: {
                missing: string[];
                name: string;
                source?: string;
                /** @enum {string} */
                state: "passed" | "warning" | "failed";
                url?: string;
            }[];
            message: string;
            missing?: string[];
            state: components["schemas"]["ReadinessCheckState"];
        };
        /** @enum {string} */
        ReadinessCheckState: "passed" | "warning" | "failed" | "error" | "not_reported" | "exempt" | "not_applicable";
        ReadinessExemption: {
            active: boolean;
            checkId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            entityRef: string;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            reason: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
        };
        ReadinessFailingCheck: {
            checkId: string;
            count: number;
            entityRefs: string[];
            title: string;
        };
        ReadinessLevel: {
            description?: string;
            id: string;
            title: string;
        };
        /**
         * @description How many components are at each level (lowest first, then `level:
         *     null` for none reached), and how many have no stored result.
         */
        ReadinessLevelDistribution: {
            levels: {
                count: number;
                level: string | null;
            }[];
            notEvaluated: number;
            total: number;
        };
        ReadinessStateCounts: {
            error: number;
            exempt: number;
            failed: number;
            not_applicable: number;
            not_reported: number;
            passed: number;
            warning: number;
        };
        ReadinessSummary: {
            counts: components["schemas"]["ReadinessStateCounts"];
            entityRef: string;
            /** Format: date-time */
            evaluatedAt: string;
            failingChecks: string[];
            /** Format: date-time */
            firstSeenAt: string;
            isNew: boolean;
            kind: string;
            level: string | null;
            lifecycle?: string;
            nextLevel: string | null;
            owner?: string;
            score: number | null;
            system?: string;
            title?: string;
            type?: string;
        };
        /** @description A row of any source, by that source's key. */
        SourceKeyInput: {
            externalId: string;
            source: string;
        };
        /** @description A gate decision as a timeline marker. */
        TimelineGateDecision: {
            /** Format: date-time */
            decidedAt: string;
            environment: string;
            evaluationId: string;
            gateId: string;
            /** @enum {string} */
            mode: "enforce" | "warn-only" | "dry-run";
            /** @description The verdict of the evaluation's latest override (expired or not); the recorded verdict never changes. */
            overriddenTo?: components["schemas"]["GateVerdict"];
            verdict: components["schemas"]["GateVerdict"];
            version: string;
        };
        /** @description One span as a waterfall shows it. */
        TraceSpan: {
            attributes: Record<string, never>;
            /** @description The CI task (job, stage, step) the span records. */
            ciTask?: Record<string, never>;
            /** @description Nesting; a span whose parent is not stored is a root (0). */
            depth: number;
            durationMicros: number;
            /** Format: date-time */
            endTime: string;
            endTimeUnixMicros: number;
            entityRef?: string;
            events: {
                attributes?: Record<string, never>;
                name: string;
                /** @description Decimal nanoseconds since the epoch, exact. */
                timeUnixNano: string;
            }[];
            /** @enum {string} */
            kind: "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";
            links: {
                attributes?: Record<string, never>;
                spanId: string;
                traceId: string;
                traceState?: string;
            }[];
            name: string;
            parentSpanId?: string;
            /** @description The pipeline run the trace records (its earliest, when several name the trace). */
            pipelineRunId?: string;
            resourceAttributes: Record<string, never>;
            serviceName?: string;
            spanId: string;
            /** Format: date-time */
            startTime: string;
            startTimeUnixMicros: number;
            status: {
                /** @enum {string} */
                code: "unset" | "ok" | "error";
                message?: string;
            };
            traceId: string;
        };
    };
    responses: {
        /** @description An error, with a message that says what is wrong. */
        ErrorResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description One entity, e.g. `component:default/checkout`. Give exactly one of entityRef, group, system. */
        DoraEntityRef: string;
        /** @description Start of the window (inclusive). Default for the metrics the day of the scope's first production deployment, at most 90 days before `to`; for the trend 12 weeks, for the details 90 days before `to`. */
        DoraFrom: string;
        /** @description The components a group and its sub-groups own (unless `qualityGates.dora.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. */
        DoraGroup: string;
        /** @description The components of a system, e.g. `system:default/webshop`. */
        DoraSystem: string;
        /** @description End of the window (exclusive). Default now. */
        DoraTo: string;
        /** @description Entity reference, e.g. `component:default/checkout`. */
        EntityRefQuery: string;
        /** @description Only entities whose check with this id is failed, errored or not reported. */
        ReadinessFailingCheckFilter: string;
        ReadinessKindFilter: string;
        /** @description A level id, or `none` for entities that reached no level. */
        ReadinessLevelFilter: string;
        ReadinessLifecycleFilter: string;
        ReadinessOrder: "asc" | "desc";
        /** @description Full owner ref, e.g. `group:default/team-a`. */
        ReadinessOwnerFilter: string;
        /** @description The components a group and its sub-groups own (unless `qualityGates.readiness.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. Give exactly one of group, system. */
        ReadinessRollupGroup: string;
        /** @description The components of a system, e.g. `system:default/webshop`. */
        ReadinessRollupSystem: string;
        /** @description Part of the entity ref or title, case-insensitive. */
        ReadinessSearch: string;
        ReadinessSort: "entityRef" | "kind" | "lifecycle" | "owner" | "level" | "score" | "evaluatedAt" | "firstSeenAt";
        /** @description Full system ref, e.g. `system:default/webshop`. */
        ReadinessSystemFilter: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GetCatalogColumns: {
        parameters: {
            query: {
                /** @description An entity reference; repeat it for each row, at most 100. */
                entityRef: string[];
                /** @description Whose decisions; absent means `production`. */
                environment?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One item per visible entity, in the order asked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        environment: string;
                        items: {
                            decision?: {
                                answer: components["schemas"]["DecisionAnswer"];
                                /** Format: date-time */
                                decidedAt: string;
                                id: string;
                                version: string;
                            };
                            entityRef: string;
                            readiness?: {
                                level: string | null;
                                score: number | null;
                            };
                        }[];
                        /** @description The readiness levels in order; empty when readiness is off. */
                        levels: components["schemas"]["ReadinessLevel"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
        };
    };
    ListDeployments: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: string;
                environment?: string;
                /** @description Only deployments started at or after this time. */
                from?: string;
                limit?: number;
                offset?: number;
                status?: components["schemas"]["DeploymentStatus"];
                /** @description Only deployments started before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployments, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currentVersions: components["schemas"]["EnvironmentVersion"][];
                        entityRef: string;
                        items: components["schemas"]["Deployment"][];
                        totalCount: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ReportDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeploymentInput"] | {
                    items: components["schemas"]["DeploymentInput"][];
                };
            };
        };
        responses: {
            /** @description What is stored for each deployment sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestedItems"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            413: components["responses"]["ErrorResponse"];
        };
    };
    GetDeploymentView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deploymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentView"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetDoraDetails: {
        parameters: {
            query: {
                /** @description One entity, e.g. `component:default/checkout`. Give exactly one of entityRef, group, system. */
                entityRef?: components["parameters"]["DoraEntityRef"];
                /** @description Start of the window (inclusive). Default for the metrics the day of the scope's first production deployment, at most 90 days before `to`; for the trend 12 weeks, for the details 90 days before `to`. */
                from?: components["parameters"]["DoraFrom"];
                /** @description The components a group and its sub-groups own (unless `qualityGates.dora.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. */
                group?: components["parameters"]["DoraGroup"];
                limit?: number;
                metric: "deploymentFrequency" | "leadTime" | "changeFailureRate" | "recoveryTime" | "reworkRate";
                offset?: number;
                /** @description The components of a system, e.g. `system:default/webshop`. */
                system?: components["parameters"]["DoraSystem"];
                /** @description End of the window (exclusive). Default now. */
                to?: components["parameters"]["DoraTo"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            changeUrl?: string;
                            /** Format: date-time */
                            committedAt?: string;
                            /** Format: date-time */
                            deployedAt?: string;
                            deploymentId?: string;
                            durationSeconds?: number;
                            /** Format: date-time */
                            endedAt?: string;
                            entityRef: string;
                            environment?: string;
                            incidentExternalId?: string;
                            incidentId?: string;
                            incidentTitle?: string;
                            incidentUrl?: string;
                            reason?: string;
                            repository?: string;
                            sha?: string;
                            /** Format: date-time */
                            startedAt?: string;
                            status?: string;
                            version?: string;
                        }[];
                        /** @enum {string} */
                        metric: "deploymentFrequency" | "leadTime" | "changeFailureRate" | "recoveryTime" | "reworkRate";
                        scope: components["schemas"]["DoraScope"];
                        totalCount: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetDoraMetrics: {
        parameters: {
            query?: {
                /** @description One entity, e.g. `component:default/checkout`. Give exactly one of entityRef, group, system. */
                entityRef?: components["parameters"]["DoraEntityRef"];
                /** @description Start of the window (inclusive). Default for the metrics the day of the scope's first production deployment, at most 90 days before `to`; for the trend 12 weeks, for the details 90 days before `to`. */
                from?: components["parameters"]["DoraFrom"];
                /** @description The components a group and its sub-groups own (unless `qualityGates.dora.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. */
                group?: components["parameters"]["DoraGroup"];
                /** @description The components of a system, e.g. `system:default/webshop`. */
                system?: components["parameters"]["DoraSystem"];
                /** @description End of the window (exclusive). Default now. */
                to?: components["parameters"]["DoraTo"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current: components["schemas"]["DoraFigures"];
                        environments: string[];
                        previous: components["schemas"]["DoraFigures"];
                        scope: components["schemas"]["DoraScope"];
                        thresholds: {
                            changeFailureRate: components["schemas"]["DoraBounds"];
                            deploymentFrequencyPerDay: components["schemas"]["DoraBounds"];
                            leadTimeSeconds: components["schemas"]["DoraBounds"];
                            recoveryTimeSeconds: components["schemas"]["DoraBounds"];
                            reworkRate: components["schemas"]["DoraBounds"] | null;
                        };
                        window: {
                            days: number;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetDoraTrend: {
        parameters: {
            query?: {
                /** @description One entity, e.g. `component:default/checkout`. Give exactly one of entityRef, group, system. */
                entityRef?: components["parameters"]["DoraEntityRef"];
                /** @description Start of the window (inclusive). Default for the metrics the day of the scope's first production deployment, at most 90 days before `to`; for the trend 12 weeks, for the details 90 days before `to`. */
                from?: components["parameters"]["DoraFrom"];
                /** @description The components a group and its sub-groups own (unless `qualityGates.dora.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. */
                group?: components["parameters"]["DoraGroup"];
                /** @description The components of a system, e.g. `system:default/webshop`. */
                system?: components["parameters"]["DoraSystem"];
                /** @description End of the window (exclusive). Default now. */
                to?: components["parameters"]["DoraTo"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per week of the window, weeks without deployments included. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            changeFailureRate: number | null;
                            deployments: number;
                            leadTimeMedianSeconds: number | null;
                            recoveryMedianSeconds: number | null;
                            reworkRate: number | null;
                            /** Format: date-time */
                            weekStart: string;
                        }[];
                        scope: components["schemas"]["DoraScope"];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetEnvironmentStates: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every environment of the entity, in promotion order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        environments: components["schemas"]["EnvironmentState"][];
                        productionEnvironment?: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ReceiveCdEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Binary mode; the CDEvent's `context.id`. */
                "ce-id"?: string;
                /** @description Binary mode; the CDEvent's `context.source`. */
                "ce-source"?: string;
                /** @description Binary mode; `1.0`. */
                "ce-specversion"?: string;
                /** @description Binary mode; the CDEvent's `context.timestamp`. */
                "ce-time"?: string;
                /** @description Binary mode; the CDEvent's `context.type`. */
                "ce-type"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/cloudevents-batch+json": Record<string, never>[];
                "application/cloudevents+json": {
                    data: Record<string, never>;
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    type: string;
                };
                "application/json": {
                    context: Record<string, never>;
                    subject: Record<string, never>;
                };
            };
        };
        responses: {
            /** @description What each event did, in the order sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            deployment?: components["schemas"]["IngestedRow"];
                            /** @description Recorded before; nothing changed. */
                            duplicate: boolean;
                            id: string;
                            incident?: components["schemas"]["IngestedRow"];
                            note?: string;
                            pipelineRun?: components["schemas"]["IngestedRow"];
                            rolledBack?: components["schemas"]["IngestedRow"];
                            source: string;
                            type: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            413: components["responses"]["ErrorResponse"];
        };
    };
    GateCandidates: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Candidates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        environments: {
                            candidateVersion?: string;
                            environment: string;
                            /**
                             * @description Whether a central gate applies to the entity
                             *     here. Without one nothing decides and the answer
                             *     is no (fail closed), unless the component's own
                             *     gate file adds a gate.
                             */
                            gated: boolean;
                            runningVersion?: string;
                        }[];
                        versions: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            source: "deployment" | "pipeline" | "decision";
                            version: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ListGateDecisions: {
        parameters: {
            query?: {
                answer?: components["schemas"]["DecisionAnswer"];
                entityRef?: string;
                environment?: string;
                from?: string;
                /** @description Only decisions that evaluated this gate. */
                gateId?: string;
                limit?: number;
                offset?: number;
                /** @description Only entities this group owns. */
                owner?: string;
                to?: string;
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of decisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GateDecisionSummary"][];
                        total: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetGateDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateDecision"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    OverrideGateDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    expiresAt: string;
                    gateId?: string;
                    reason: string;
                    /**
                     * @default pass
                     * @enum {string}
                     */
                    verdict?: "pass" | "fail";
                };
            };
        };
        responses: {
            /** @description The override. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateOverride"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    LatestGateDecisions: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
                version: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description At most one decision per environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GateDecision"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetGateEffectiveness: {
        parameters: {
            query: {
                entityRef?: string;
                from: string;
                gateId?: string;
                /** @description Only entities this group owns. */
                owner?: string;
                /** @description Exclusive; at most 731 days after from. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures of each gate evaluated in the period. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        flaky: {
                            items: components["schemas"]["FlakyCriterion"][];
                            limit: number;
                            totalCount: number;
                        };
                        /** Format: date-time */
                        from: string;
                        gates: components["schemas"]["GateEffectiveness"][];
                        /** Format: date-time */
                        to: string;
                        windowSeconds: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    EvaluateGates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entityRef: string;
                    environment: string;
                    /**
                     * @default ci
                     * @enum {string}
                     */
                    trigger?: "ci" | "schedule" | "manual";
                    version: string;
                };
            };
        };
        responses: {
            /** @description The stored decision and every gate's evaluation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateDecision"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ListGateEvaluations: {
        parameters: {
            query?: {
                entityRef?: string;
                environment?: string;
                from?: string;
                gateId?: string;
                limit?: number;
                offset?: number;
                overridden?: boolean;
                /** @description Only entities this group owns. */
                owner?: string;
                to?: string;
                verdict?: components["schemas"]["GateVerdict"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of evaluations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GateEvaluation"][];
                        totalCount: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetGateEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The evaluation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateEvaluation"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    OverrideGateEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    expiresAt: string;
                    reason: string;
                    /** @enum {string} */
                    verdict: "pass" | "fail";
                };
            };
        };
        responses: {
            /** @description The evaluation with its override. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateEvaluation"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    PinGateEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The evaluation with its pin. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateEvaluation"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    UnpinGateEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The evaluation, without a pin. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateEvaluation"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ExportGateEvaluations: {
        parameters: {
            query?: {
                entityRef?: string;
                environment?: string;
                from?: string;
                gateId?: string;
                overridden?: boolean;
                owner?: string;
                to?: string;
                verdict?: components["schemas"]["GateVerdict"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 4180 CSV with a header row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
        };
    };
    ListGateOverrides: {
        parameters: {
            query?: {
                /** @description Only those that apply now (true) or no longer (false). */
                active?: boolean;
                entityRef?: string;
                environment?: string;
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description At most 500 overrides. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GateOverride"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    CreateGateOverride: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entityRef: string;
                    environment: string;
                    /** Format: date-time */
                    expiresAt: string;
                    gateId?: string;
                    reason: string;
                    /**
                     * @default pass
                     * @enum {string}
                     */
                    verdict?: "pass" | "fail";
                    version: string;
                };
            };
        };
        responses: {
            /** @description The override. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateOverride"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    RevokeGateOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The revoked override. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateOverride"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    GetGateStatus: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Latest evaluations and a strip of recent verdicts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        latest: components["schemas"]["GateEvaluation"][];
                        recent: {
                            environment: string;
                            /** Format: date-time */
                            finishedAt: string;
                            gateId: string;
                            id: string;
                            verdict: components["schemas"]["GateVerdict"];
                            version: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plugin and its database answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        criterionSources: string[];
                        /** @enum {string} */
                        database: "ok";
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            503: components["responses"]["ErrorResponse"];
        };
    };
    ReportHeartbeats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatInput"] | {
                    items: components["schemas"]["HeartbeatInput"][];
                };
            };
        };
        responses: {
            /** @description What is stored for each heartbeat sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestedHeartbeats"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            413: components["responses"]["ErrorResponse"];
        };
    };
    ListIncidents: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: string;
                environment?: string;
                /** @description Only incidents opened at or after this time. */
                from?: string;
                limit?: number;
                offset?: number;
                /** @description Only incidents not resolved yet. */
                open?: boolean;
                /** @description Only incidents opened before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The incidents, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        items: components["schemas"]["Incident"][];
                        totalCount: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ReportIncidents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentInput"] | {
                    items: components["schemas"]["IncidentInput"][];
                };
            };
        };
        responses: {
            /** @description What is stored for each incident sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestedItems"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            413: components["responses"]["ErrorResponse"];
        };
    };
    ListUnresolvedEvents: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups of unresolved events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            count: number;
                            entityHint: string;
                            /** @enum {string} */
                            kind: "deployment" | "change" | "incident" | "pipeline_run";
                            /** Format: date-time */
                            lastSeenAt: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    GetPathToProduction: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
                sha?: string;
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The path. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description First CI run start to first successful production deployment, when both exist. */
                        durationSeconds?: number;
                        entityRef: string;
                        /** @description Whether a production deployment of it succeeded. */
                        reachedProduction: boolean;
                        sha?: string;
                        steps: components["schemas"]["PathStep"][];
                        version?: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ListPipelineRuns: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: string;
                /** @description Only runs started at or after this time. */
                from?: string;
                limit?: number;
                offset?: number;
                pipelineName?: string;
                result?: components["schemas"]["PipelineResult"];
                /** @description Only runs that built this head revision. */
                sha?: string;
                /** @description Only runs started before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The runs, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        items: components["schemas"]["PipelineRun"][];
                        totalCount: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetPipelineStats: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
                /** @description Start of the range (inclusive). Default 90 days before `to`; the range may span at most 400 days. */
                from?: string;
                /** @description Only this pipeline. */
                pipelineName?: string;
                /** @description End of the range (exclusive). Default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics, pipelines by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        /** Format: date-time */
                        from: string;
                        pipelines: components["schemas"]["PipelineStats"][];
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ListReadinessChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Levels and checks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: components["schemas"]["ReadinessCheckInfo"][];
                        levels: components["schemas"]["ReadinessLevel"][];
                    };
                };
            };
            401: components["responses"]["ErrorResponse"];
        };
    };
    GetEntityReadiness: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entity's readiness. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityReadiness"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    EvaluateEntityReadiness: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entity's readiness after the evaluation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityReadiness"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetEntityReadinessHistory: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
                /** @description Only points at or after this time. */
                from?: string;
                /** @description The newest this many points. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description History points, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        items: {
                            counts: components["schemas"]["ReadinessStateCounts"];
                            /** Format: date-time */
                            evaluatedAt: string;
                            level: string | null;
                            score: number | null;
                            states: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ListReadinessExemptions: {
        parameters: {
            query?: {
                /** @description Only exemptions in force now. */
                active?: boolean;
                /** @description Only this entity's exemptions. */
                entityRef?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exemptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReadinessExemption"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    CreateReadinessExemption: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checkId: string;
                    entityRef: string;
                    /**
                     * Format: date-time
                     * @description In the future, at most `qualityGates.readiness.maxExemptionDays` ahead.
                     */
                    expiresAt: string;
                    /** @description Why the entity is exempt; at least 10 characters. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The exemption. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessExemption"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    RevokeReadinessExemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exemptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked exemption. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessExemption"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    GetReadinessOverview: {
        parameters: {
            query?: {
                /** @description Only entities whose check with this id is failed, errored or not reported. */
                failingCheck?: components["parameters"]["ReadinessFailingCheckFilter"];
                kind?: components["parameters"]["ReadinessKindFilter"];
                /** @description A level id, or `none` for entities that reached no level. */
                level?: components["parameters"]["ReadinessLevelFilter"];
                lifecycle?: components["parameters"]["ReadinessLifecycleFilter"];
                limit?: number;
                offset?: number;
                order?: components["parameters"]["ReadinessOrder"];
                /** @description Full owner ref, e.g. `group:default/team-a`. */
                owner?: components["parameters"]["ReadinessOwnerFilter"];
                /** @description Part of the entity ref or title, case-insensitive. */
                q?: components["parameters"]["ReadinessSearch"];
                sort?: components["parameters"]["ReadinessSort"];
                /** @description Full system ref, e.g. `system:default/webshop`. */
                system?: components["parameters"]["ReadinessSystemFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of summaries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facets: {
                            kinds: string[];
                            lifecycles: string[];
                            owners: string[];
                            systems: string[];
                        };
                        items: components["schemas"]["ReadinessSummary"][];
                        levels: components["schemas"]["ReadinessLevel"][];
                        totalCount: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
        };
    };
    ExportReadinessOverview: {
        parameters: {
            query?: {
                /** @description Only entities whose check with this id is failed, errored or not reported. */
                failingCheck?: components["parameters"]["ReadinessFailingCheckFilter"];
                kind?: components["parameters"]["ReadinessKindFilter"];
                /** @description A level id, or `none` for entities that reached no level. */
                level?: components["parameters"]["ReadinessLevelFilter"];
                lifecycle?: components["parameters"]["ReadinessLifecycleFilter"];
                order?: components["parameters"]["ReadinessOrder"];
                /** @description Full owner ref, e.g. `group:default/team-a`. */
                owner?: components["parameters"]["ReadinessOwnerFilter"];
                /** @description Part of the entity ref or title, case-insensitive. */
                q?: components["parameters"]["ReadinessSearch"];
                sort?: components["parameters"]["ReadinessSort"];
                /** @description Full system ref, e.g. `system:default/webshop`. */
                system?: components["parameters"]["ReadinessSystemFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 4180 CSV with a header row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
        };
    };
    GetReadinessOverviewGroups: {
        parameters: {
            query: {
                /** @description Only entities whose check with this id is failed, errored or not reported. */
                failingCheck?: components["parameters"]["ReadinessFailingCheckFilter"];
                groupBy: "owner" | "system";
                kind?: components["parameters"]["ReadinessKindFilter"];
                /** @description A level id, or `none` for entities that reached no level. */
                level?: components["parameters"]["ReadinessLevelFilter"];
                lifecycle?: components["parameters"]["ReadinessLifecycleFilter"];
                /** @description Full owner ref, e.g. `group:default/team-a`. */
                owner?: components["parameters"]["ReadinessOwnerFilter"];
                /** @description Part of the entity ref or title, case-insensitive. */
                q?: components["parameters"]["ReadinessSearch"];
                /** @description Full system ref, e.g. `system:default/webshop`. */
                system?: components["parameters"]["ReadinessSystemFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per owner or system. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        groupBy: "owner" | "system";
                        items: {
                            distribution: components["schemas"]["ReadinessLevelDistribution"];
                            ref: string | null;
                            worstCheck?: components["schemas"]["ReadinessFailingCheck"];
                        }[];
                        levels: components["schemas"]["ReadinessLevel"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
        };
    };
    GetReadinessRollup: {
        parameters: {
            query?: {
                /** @description The components a group and its sub-groups own (unless `qualityGates.readiness.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. Give exactly one of group, system. */
                group?: components["parameters"]["ReadinessRollupGroup"];
                /** @description The components of a system, e.g. `system:default/webshop`. */
                system?: components["parameters"]["ReadinessRollupSystem"];
                /** @description How many of the checks failing for the most components to list. */
                worstChecks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The distribution, the worst checks and one row per component. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        distribution: components["schemas"]["ReadinessLevelDistribution"];
                        items: {
                            entityRef: string;
                            evaluated: boolean;
                            failingChecks: string[];
                            level: string | null;
                            score: number | null;
                            title?: string;
                        }[];
                        levels: components["schemas"]["ReadinessLevel"][];
                        scope: {
                            includesSubgroups: boolean;
                            /** @enum {string} */
                            kind: "group" | "system";
                            ref: string;
                        };
                        worstChecks: components["schemas"]["ReadinessFailingCheck"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetDeliveryTimeline: {
        parameters: {
            query: {
                /** @description Entity reference, e.g. `component:default/checkout`. */
                entityRef: components["parameters"]["EntityRefQuery"];
                /** @description Start of the range (inclusive). Default 30 days before `to`; the range may span at most 400 days. */
                from?: string;
                /** @description End of the range (exclusive). Default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryTimeline"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 32 hexadecimal digits. */
                traceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spans, ordered by start time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef?: string;
                        spans: components["schemas"]["TraceSpan"][];
                        traceId: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ReceiveOtlpTraces: {
        parameters: {
            query?: never;
            header?: {
                /** @description `gzip` or `deflate` when the body is compressed. */
                "Content-Encoding"?: "gzip" | "deflate" | "identity";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    resourceSpans?: {
                        resource?: {
                            attributes?: Record<string, never>[];
                        };
                        scopeSpans?: {
                            spans?: {
                                attributes?: Record<string, never>[];
                                endTimeUnixNano: string | number;
                                events?: Record<string, never>[];
                                kind?: number | string;
                                links?: Record<string, never>[];
                                name?: string;
                                parentSpanId?: string;
                                spanId: string;
                                startTimeUnixNano: string | number;
                                status?: Record<string, never>;
                                traceId: string;
                            }[];
                        }[];
                    }[];
                };
                "application/x-protobuf": string;
            };
        };
        responses: {
            /**
             * @description Stored. An `ExportTraceServiceResponse`: empty when every span
             *     was stored, else `partialSuccess` with the number of rejected
             *     spans and why (the first few, with where in the request).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partialSuccess?: {
                            errorMessage: string;
                            /** @description int64, as the protobuf JSON mapping writes it. */
                            rejectedSpans: string;
                        };
                    };
                    "application/x-protobuf": string;
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            413: components["responses"]["ErrorResponse"];
            415: components["responses"]["ErrorResponse"];
            503: components["responses"]["ErrorResponse"];
        };
    };
    ReceiveGitHubWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's GUID; kept by GitHub on redelivery. */
                "X-GitHub-Delivery"?: string;
                /** @description The event name, e.g. `deployment_status`. */
                "X-GitHub-Event": string;
                /** @description `sha256=` and the hex HMAC-SHA256 of the raw body. */
                "X-Hub-Signature-256": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    /** @description The event payload as a JSON string. */
                    payload: string;
                };
            };
        };
        responses: {
            /** @description Recorded (`recorded`), recorded before (`duplicate`), or a `ping` answered (`pong`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery?: string;
                        /** @description What the event said about its entity. */
                        entityHint?: string;
                        /** @description The catalog entity, or null when none matched. */
                        entityRef?: string | null;
                        event: string;
                        message: string;
                        recorded?: {
                            changes: number;
                            deployments: number;
                            pipelineRuns: number;
                        };
                        /** @enum {string} */
                        status: "recorded" | "duplicate" | "pong";
                    };
                };
            };
            /** @description A valid delivery that records nothing: another event, action or state (`ignored`; the message names what is supported), or a deployment protection rule whose answer goes to its callback (`evaluating`). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery?: string;
                        event: string;
                        message: string;
                        /** @enum {string} */
                        status: "ignored" | "evaluating";
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            413: components["responses"]["ErrorResponse"];
            503: components["responses"]["ErrorResponse"];
        };
    };
}
