export interface Config {
  /**
   * Demo only: serve the example components' repositories from a local
   * directory for URLs under `baseUrl`. Leave unset in production.
   */
  exampleRepositories?: {
    /** URL prefix the example entities' source locations use. */
    baseUrl: string;
    /** Directory holding one folder per example repository. */
    directory: string;
  };

  qualityGates?: {
    /**
     * Demo only: weeks of delivery and readiness history for the listed
     * entities, sent through the plugin's endpoints on the first start, and
     * their telemetry in a Prometheus the demo starts (when prometheus and
     * promtool are installed). Leave disabled in production.
     */
    demoData?: {
      enabled?: boolean;
      /** Entity refs to generate history for, e.g. component:default/checkout. */
      entities?: string[];
      /** Start the demo's Prometheus. Default true. */
      telemetry?: boolean;
    };
  };
}
