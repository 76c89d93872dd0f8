export interface Config {
  /** Configuration of the quality-gates plugin. */
  qualityGates?: {
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
