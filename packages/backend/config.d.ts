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
}
