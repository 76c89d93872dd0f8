export interface Config {
  qualityGates?: {
    /** Criterion sources of the checks module (docs/gates.md). */
    checks?: {
      /** `source: http-check` criteria. */
      http?: {
        /**
         * How long one try waits for an answer when the criterion sets no
         * maxLatencyMs, in seconds. Default 5.
         */
        timeoutSeconds?: number;
        /**
         * Host names checks in central gates may call, e.g.
         * status.example.com, or *.example.com for its subdomains. Unset
         * allows any host; set it so that gate definitions cannot probe
         * internal addresses.
         */
        allowedHosts?: string[];
        /**
         * Host names (or *.example.com) that checks in a component's own
         * gate file may call. Default none: every such check is an error
         * until the platform team lists hosts here. allowedHosts does not
         * apply to them.
         */
        repositoryAllowedHosts?: string[];
      };
      /** `source: mlflow` criteria: an MLflow tracking server's REST API. */
      mlflow?: {
        /** Where the REST API is, e.g. https://mlflow.example.com. */
        baseUrl: string;
        /** Address of the MLflow UI for links in evidence. Default baseUrl. */
        externalUrl?: string;
        /**
         * Sent as a bearer token with every request.
         * @visibility secret
         */
        token?: string;
        /** Per request, in seconds. Default 10. */
        timeoutSeconds?: number;
      };
    };
  };
}
