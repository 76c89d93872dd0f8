import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  CriterionSource,
  qualityGatesCriterionSourcesExtensionPoint,
} from '@can-i-deploy/plugin-quality-gates-node';
import {
  createHttpCheckCriterionSource,
  readHttpCheckSettings,
} from './httpCheck';
import { createMlflowCriterionSource, readMlflowSettings } from './mlflow';

/**
 * Adds the `http-check` and `mlflow` criterion sources to quality gates.
 * http-check is always offered; mlflow once
 * `qualityGates.checks.mlflow.baseUrl` is configured. Wrong settings stop
 * the start-up.
 *
 * @public
 */
export const qualityGatesModuleChecks = createBackendModule({
  pluginId: 'quality-gates',
  moduleId: 'checks',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sources: qualityGatesCriterionSourcesExtensionPoint,
      },
      async init({ config, logger, sources }) {
        const added: CriterionSource[] = [
          createHttpCheckCriterionSource({
            settings: readHttpCheckSettings(config),
          }),
        ];
        const mlflow = readMlflowSettings(config);
        if (mlflow) {
          added.push(createMlflowCriterionSource({ settings: mlflow }));
        } else {
          logger.info(
            'qualityGates.checks.mlflow.baseUrl is not set: mlflow criteria cannot be measured',
          );
        }
        sources.addCriterionSource(...added);
      },
    });
  },
});
