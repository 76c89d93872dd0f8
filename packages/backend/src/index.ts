import { createBackend } from '@backstage/backend-defaults';
import { demoFeatures } from './demo';
import { exampleRepositoriesReader } from './examples/exampleRepositoriesReader';
import { exampleQualityGatesPolicyModule } from './permissions/exampleQualityGatesPolicy';

const backend = createBackend();

// Demo only: lets readiness read the example components' alert rules and
// dashboards from examples/repositories (see exampleRepositories in config).
backend.add(exampleRepositoriesReader);

// Serves the built frontend app when it is not run by its own dev server.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider is for local use only.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

// Permissions with a real policy: the platform team may override, exempt
// and evaluate, owners may evaluate their entities, everyone else reads
// (see docs/permissions.md). Service tokens are limited by their
// accessRestrictions in app-config.yaml.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(exampleQualityGatesPolicyModule);

backend.add(import('@can-i-deploy/plugin-quality-gates-backend'));
// Agents ask "can I deploy?" as MCP tools (docs/agents.md).
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// Gate criteria from synthetic HTTP checks and MLflow model metrics.
backend.add(import('@can-i-deploy/plugin-quality-gates-backend-module-checks'));

// Demo only (qualityGates.demoData): weeks of history for the example
// components and, where prometheus and promtool are installed, a Prometheus
// with their telemetry, whose address the root config takes at start-up.
for (const feature of demoFeatures()) backend.add(feature);

// A backend whose start failed (a plugin's migrations raced another replica's)
// exits, so that it is restarted rather than left up without answering.
backend.start().catch(error => {
  process.stderr.write(`Backend start failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
