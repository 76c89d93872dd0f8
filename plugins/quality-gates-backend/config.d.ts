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
    };
    /** Ingest of delivery events (CDEvents, GitHub webhooks, OTLP, JSON). */
    ingest?: {
      /**
       * Largest accepted request body, after decompression, e.g. '5mb'.
       * Larger requests get 413 and store nothing. Default 5mb.
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
    };
    /**
     * Demo data for a first look: a month of deployment history for the
     * listed entities, written at startup. Leave disabled in production.
     */
    demoData?: {
      enabled?: boolean;
      /** Entity refs to generate history for, e.g. component:default/checkout. */
      entities?: string[];
    };
  };
}
