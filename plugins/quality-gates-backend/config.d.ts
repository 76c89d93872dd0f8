export interface Config {
  /** Configuration of the quality-gates plugin. */
  qualityGates?: {
    /** How long history is kept; a scheduled task deletes what is older. */
    retention?: {
      /**
       * Days of deployments, changes, incidents and pipeline runs to keep,
       * judged by when they happened. Default 730.
       */
      deliveryEventsDays?: number;
      /** Days of trace spans to keep. Default 30. */
      traceDays?: number;
      /**
       * Days of gate evaluations to keep, by when they finished. Older ones
       * stay when pinned, named by a criterion's `pinnedEvaluationId`,
       * among the newest passing ones relative criteria compare with, the
       * newest of their gate, overridden, or of a version that turned out
       * bad (see docs/gates.md). Default 730.
       */
      gateEvaluationsDays?: number;
      /**
       * Passing evaluations kept per gate, criterion, entity and environment
       * for relative criteria. At least the largest `baseline.from` of the
       * central gates (5 without one); raise it for larger ones in
       * components' gate files.
       */
      gateBaselineEvaluations?: number;
    };
    /** Ingest of delivery events (CDEvents, GitHub webhooks, OTLP, JSON). */
    ingest?: {
      /**
       * Largest accepted request body, after decompression, e.g. '5mb'.
       * Larger requests get 413 and store nothing. Default 5mb.
       */
      maxBodySize?: string;
      /**
       * Threads that decode large OTLP trace requests and make their rows
       * (PostgreSQL), so that a large export does not hold up the backend's
       * other requests meanwhile. 0 decodes every request on the event
       * loop. Default: one per CPU core beyond the first, at most 2.
       */
      decoderThreads?: number;
      /**
       * Request bodies of at least this many bytes (after decompression)
       * are decoded on a decoder thread, smaller ones on the event loop,
       * where handing them over would cost more than it frees. Default
       * 1048576 (1 MiB, about 4,000 spans); 0 sends every request to a
       * thread.
       */
      decoderThreadMinBodyBytes?: number;
    };
    /** The rest of the API (gates, readiness, reads). */
    api?: {
      /**
       * Largest accepted JSON request body, after decompression, e.g.
       * '100kb' (gate evaluations, overrides, exemptions). Larger requests
       * get 413. Default 100kb.
       */
      maxBodySize?: string;
    };
    /** GitHub webhooks delivered to /api/quality-gates/webhooks/github. */
    github?: {
      /**
       * The webhook's secret: deliveries must carry a valid
       * X-Hub-Signature-256 made with it. A list accepts any of its
       * secrets, for rotation. Without it the endpoint refuses all
       * deliveries.
       * @visibility secret
       */
      webhookSecret?: string | string[];
      /** Deployment protection rules answered by the gates. */
      deploymentProtection?: {
        /**
         * Longest a rule whose gates answer "not yet" (a soak, too little
         * traffic yet) stays pending while the plugin asks again at the
         * time the decision gives; still not decided then, it is rejected.
         * E.g. { hours: 6 } or an ISO duration. Default 6 hours (GitHub
         * itself waits up to 30 days).
         */
        maxPendingTime?: { [unit: string]: number } | string;
        /**
         * How often pending rules that are due are asked again (one
         * replica at a time). Default 30 seconds.
         */
        pollFrequency?: { [unit: string]: number } | string;
      };
    };
    /**
     * Production readiness scorecards: which entities are scored, the
     * levels, the checks and how often everything is re-evaluated.
     */
    readiness?: {
      /** Set false to turn readiness off. Default true. */
      enabled?: boolean;
      /**
       * How often the scheduled job re-evaluates every entity (one replica
       * at a time), e.g. { minutes: 30 } or an ISO duration. Default 30 minutes.
       */
      frequency?: { [unit: string]: number } | string;
      /** Wait after start-up before the first run. Default 10 seconds. */
      initialDelay?: { [unit: string]: number } | string;
      /** Longest a full run may take. Default 15 minutes. */
      timeout?: { [unit: string]: number } | string;
      /** Longest one check that reads more than the catalog may take, in seconds. Default 30. */
      checkTimeoutSeconds?: number;
      /** Which catalog entities are scored. Default { kind: Component }. */
      entities?: EntityFilterConfig;
      /**
       * How long, in seconds, evaluating one entity on demand reuses the kind
       * of its owner and system (whether the team exists, and is a group)
       * from an earlier lookup instead of asking the catalog again. The
       * scheduled run always asks. 0 turns the reuse off. Default 60.
       */
      ownerSystemCacheSeconds?: number;
      /** Entities first seen within this many days (and after the install's first run) count as new. Default 30. */
      newEntityDays?: number;
      /** Longest an exemption may last, in days. Default 180. */
      maxExemptionDays?: number;
      /** Days of readiness history to keep. Default 365. */
      historyDays?: number;
      /** What a group's or system's readiness roll-up covers. */
      rollups?: {
        /**
         * Whether a group's roll-up includes the components owned by the
         * groups below it (its sub-groups, at any depth), not only its own.
         * Default true.
         */
        includeSubgroups?: boolean;
      };
      /**
       * The levels in order, lowest first; each needs every check of its
       * own and of every lower level met. Default bronze, silver, gold.
       */
      levels?: Array<{ id: string; title: string; description?: string }>;
      /**
       * Changes to checks by id (built in, config-defined or from modules):
       * turn one off, move it to another level, narrow where it applies.
       */
      checks?: {
        [checkId: string]: {
          enabled?: boolean;
          level?: string;
          appliesTo?: EntityFilterConfig;
        };
      };
      /**
       * Checks defined in config: conditions on the entity, each a
       * JSONPath into the entity (e.g. $.metadata.annotations['x']).
       */
      custom?: Array<{
        id: string;
        title: string;
        /** Why it matters. */
        description: string;
        /** How to fix a failure, as markdown. */
        howToFix: string;
        level?: string;
        appliesTo?: EntityFilterConfig;
        /** The state when the conditions do not hold. Default failed. */
        failState?: 'failed' | 'warning';
        /** Every condition must hold (use `any` inside for alternatives). */
        conditions: Array<ReadinessConditionConfig>;
      }>;
      /** The alerts check. */
      alerts?: {
        /** Allowed values of an alert's `severity` label. Default critical, warning, info. */
        allowedSeverities?: string[];
        /**
         * Paths tried in the entity's source location when it has no
         * `quality-gates/alert-rules` annotation.
         */
        conventionPaths?: string[];
        /**
         * A Prometheus server whose /api/v1/rules is read for live rules.
         * The same keys as `qualityGates.gates.prometheus`.
         */
        prometheus?: {
          /** Credentials in the URL are sent as Basic auth, never shown. */
          baseUrl: string;
          /** Address for the alerts page linked in evidence. */
          externalUrl?: string;
          /** For one request, retries included. Default 10. */
          timeoutSeconds?: number;
          /** Further tries after a 5xx answer or a network failure. Default 2. */
          retries?: number;
          /**
           * Headers sent with each request, e.g. Authorization.
           * @visibility secret
           */
          headers?: { [name: string]: string };
        };
      };
      /** The dashboards check. */
      dashboards?: {
        /**
         * Paths tried in the entity's source location when it has no
         * `quality-gates/dashboards` annotation.
         */
        conventionPaths?: string[];
        /**
         * Older setting: Grafana's address, to link the dashboards a
         * `grafana/dashboard-selector` annotation selects without verifying
         * them. Use `grafana` instead; both together fail at start-up.
         */
        grafanaUrl?: string;
        /**
         * The Grafana that `grafana/dashboard-selector` annotations are
         * verified in: the selector must match a dashboard there with
         * panels. Without it, selectors count unverified.
         */
        grafana?: {
          /** Grafana's address, e.g. https://grafana.example.com. */
          baseUrl: string;
          /** Address for links in evidence, when people reach it elsewhere. */
          externalUrl?: string;
          /**
           * A service account token with the Viewer role, sent as
           * `Authorization: Bearer`.
           * @visibility secret
           */
          token: string;
          /** For one request to Grafana. Default 10. */
          timeoutSeconds?: number;
        };
      };
    };
    /** DORA metrics. */
    dora?: {
      /**
       * Environments whose deployments count as production.
       * Default production, prod.
       */
      productionEnvironments?: string[];
      /** Longest window a request may ask for, in days. Default 731. */
      maxWindowDays?: number;
      /** What a group's or system's figures cover. */
      rollups?: {
        /**
         * Whether a group's roll-up includes the components owned by the
         * groups below it (its sub-groups, at any depth), not only its own.
         * Default true.
         */
        includeSubgroups?: boolean;
      };
      /**
       * Where each band begins, over the published DORA values. Durations in
       * seconds, rates 0–1, deployment frequency in deployments per day
       * (at least); the others at most.
       */
      thresholds?: {
        deploymentFrequencyPerDay?: DoraBoundsConfig;
        leadTimeSeconds?: DoraBoundsConfig;
        changeFailureRate?: DoraBoundsConfig;
        recoveryTimeSeconds?: DoraBoundsConfig;
        /** No published bands: none unless given here. */
        reworkRate?: DoraBoundsConfig;
      };
    };
    /** Quality gates: "Can I deploy?" decisions from production signals. */
    gates?: {
      /**
       * Longest an evaluation may take, in seconds; criteria still waiting
       * then are errors (fail closed). Default 20.
       */
      deadlineSeconds?: number;
      /** Longest an override of a verdict may last, in days. Default 14. */
      maxOverrideDays?: number;
      /** How gate effectiveness judges what became of a version. */
      effectiveness?: {
        /**
         * How long after a deployment an incident still counts against its
         * version, e.g. { hours: 24 } (the default) or PT24H.
         */
        window?: { [unit: string]: number } | string;
      };
      /**
       * The Prometheus server prometheus, burn-rate and compare criteria
       * query. The readiness alerts check reads the same keys.
       */
      prometheus?: {
        /** Credentials in the URL are sent as Basic auth, never shown. */
        baseUrl: string;
        /** Address for links in evidence, when people reach it elsewhere. */
        externalUrl?: string;
        /** For one query, retries included. Default 10. */
        timeoutSeconds?: number;
        /** Further tries after a 5xx answer or a network failure. Default 2. */
        retries?: number;
        /**
         * Headers sent with each query, e.g. Authorization.
         * @visibility secret
         */
        headers?: { [name: string]: string };
      };
      /** What components' own gate files (in their repositories) may do. */
      repositoryConfig?: {
        /**
         * Criterion sources not safe for repository config (prometheus,
         * burn-rate, compare and mlflow query whatever a file names) that
         * criteria added by a component's gate file may use anyway.
         * Sources marked safe (pipeline, rollout, wait-timer, freeze,
         * readiness, heartbeat, trace, http-check) need no entry. Default
         * none.
         */
        allowedSources?: string[];
      };
      /**
       * The central gates (see docs/gates.md): id, title, appliesTo,
       * environments, mode, passPercent, warningPercent, window, criteria.
       * Checked at start-up; a mistake stops the backend with its path.
       */
      definitions?: Array<{
        id: string;
        title: string;
        description?: string;
        appliesTo?: EntityFilterConfig;
        environments?: string[];
        mode?: 'enforce' | 'warn-only' | 'dry-run';
        passPercent?: number;
        warningPercent?: number;
        window?: { [unit: string]: number } | string;
        criteria: Array<{ key: string; source: string; [field: string]: any }>;
      }>;
    };
  };
}

/** Which entities something applies to; every field given must match. */
interface EntityFilterConfig {
  kind?: string | string[];
  type?: string | string[];
  lifecycle?: string | string[];
  owner?: string | string[];
  system?: string | string[];
  /** Any of these tags. */
  tags?: string[];
  /** Annotations that must exist (true) or have this value. */
  annotations?: { [key: string]: string | true };
}

/** One condition of a config-defined readiness check. */
interface ReadinessConditionConfig {
  /** A JSONPath into the entity; the condition looks at its first match. */
  path?: string;
  operator?:
    | 'exists'
    | 'notExists'
    | 'notEmpty'
    | 'equals'
    | 'notEquals'
    | 'in'
    | 'matches'
    | 'isUrl';
  /** What `equals`, `notEquals` and `in` compare with; `matches` takes a regular expression. */
  value?: string | number | boolean | string[];
  /** Holds when any of these holds. */
  any?: Array<ReadinessConditionConfig>;
  /** What a failure says is missing; defaults to a description of the condition. */
  message?: string;
}

/** Where the elite, high and medium bands end. */
interface DoraBoundsConfig {
  elite?: number;
  high?: number;
  medium?: number;
}
