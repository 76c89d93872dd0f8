import { createBackend } from '@backstage/backend-defaults';
import { exampleRepositoriesReader } from './examples/exampleRepositoriesReader';

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

// Permissions: allow-all for the local default; production installs bring a policy.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@can-i-deploy/plugin-quality-gates-backend'));
// Gate criteria from synthetic HTTP checks and MLflow model metrics.
backend.add(import('@can-i-deploy/plugin-quality-gates-backend-module-checks'));

backend.start();
