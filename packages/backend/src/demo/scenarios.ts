/**
 * The demo's stories: what the newest version of each demo component is
 * doing right now. The delivery history (deployments) and the telemetry
 * (Prometheus) are both written from these, so the gates read the same
 * versions at the same times in both.
 */

/** A version's behaviour in one environment. */
export interface VersionBehaviour {
  /** Share of requests answered 500. */
  errorRatio: number;
  /** Median latency in seconds (log-normal, σ 0.6). */
  medianSeconds: number;
}

/** Traffic of a component in one environment. */
export interface EnvironmentTraffic {
  requestsPerSecond: number;
  /** The version that served before the newest one. */
  previous: VersionBehaviour;
  /** The newest version, once it serves there. */
  candidate: VersionBehaviour;
}

/** Where and since when the newest version runs. */
export interface CandidateRollout {
  /** Minutes before the demo's start the deployment to staging began. */
  stagingMinutesAgo: number;
  /** Absent: not in production yet. */
  production?: {
    minutesAgo: number;
    /** A canary's share of traffic beside the previous version; absent: all of it. */
    canaryShare?: number;
  };
}

export interface DemoScenario {
  entityRef: string;
  /** What a reader sees, in a line (logged, and said in the docs). */
  story: string;
  candidate: CandidateRollout;
  traffic: { staging: EnvironmentTraffic; production: EnvironmentTraffic };
}

const steady = (errorRatio: number, medianSeconds = 0.08) => ({
  errorRatio,
  medianSeconds,
});

/** The stories, by entity; entities without one get history only. */
export const DEMO_SCENARIOS: DemoScenario[] = [
  {
    entityRef: 'component:default/checkout',
    story:
      'a clean rollout: in production for 90 min, as good as the version before',
    candidate: {
      stagingMinutesAgo: 240,
      production: { minutesAgo: 90 },
    },
    traffic: {
      staging: {
        requestsPerSecond: 2,
        previous: steady(0.003),
        candidate: steady(0.003),
      },
      production: {
        requestsPerSecond: 25,
        previous: steady(0.003),
        candidate: steady(0.003),
      },
    },
  },
  {
    entityRef: 'component:default/payments',
    story:
      'a regressed canary: 20 % of production traffic for 40 min, failing three times as often as the stable version',
    candidate: {
      stagingMinutesAgo: 300,
      production: { minutesAgo: 40, canaryShare: 0.2 },
    },
    traffic: {
      staging: {
        requestsPerSecond: 2,
        previous: steady(0.003, 0.12),
        candidate: steady(0.003, 0.12),
      },
      production: {
        requestsPerSecond: 30,
        previous: steady(0.003, 0.12),
        candidate: steady(0.009, 0.12),
      },
    },
  },
  {
    entityRef: 'component:default/inventory',
    story:
      'an SLO burning its error budget: production fails 2.5 % of requests, so the next version waits',
    candidate: { stagingMinutesAgo: 150 },
    traffic: {
      staging: {
        requestsPerSecond: 2,
        previous: steady(0.001, 0.05),
        candidate: steady(0.001, 0.05),
      },
      production: {
        requestsPerSecond: 20,
        previous: steady(0.025, 0.05),
        candidate: steady(0.001, 0.05),
      },
    },
  },
  {
    entityRef: 'component:default/recommendations',
    story:
      'a quiet service: its canary has had too few requests for a verdict yet',
    candidate: {
      stagingMinutesAgo: 180,
      production: { minutesAgo: 15, canaryShare: 0.2 },
    },
    traffic: {
      staging: {
        requestsPerSecond: 0.5,
        previous: steady(0.004, 0.05),
        candidate: steady(0.004, 0.05),
      },
      production: {
        requestsPerSecond: 1,
        previous: steady(0.004, 0.05),
        candidate: steady(0.004, 0.05),
      },
    },
  },
  {
    entityRef: 'component:default/storefront',
    story:
      'a version soaking in staging: 20 min of the hour production asks for',
    candidate: { stagingMinutesAgo: 20 },
    traffic: {
      staging: {
        requestsPerSecond: 3,
        previous: steady(0.002, 0.15),
        candidate: steady(0.002, 0.15),
      },
      production: {
        requestsPerSecond: 30,
        previous: steady(0.002, 0.15),
        candidate: steady(0.002, 0.15),
      },
    },
  },
];

export function scenarioOf(entityRef: string): DemoScenario | undefined {
  return DEMO_SCENARIOS.find(scenario => scenario.entityRef === entityRef);
}

/** Minutes between the candidate's development and staging deployments. */
export const DEVELOPMENT_LEAD_MINUTES = 30;

/** How long a demo deployment takes. */
export const DEPLOYMENT_MINUTES = 3;
