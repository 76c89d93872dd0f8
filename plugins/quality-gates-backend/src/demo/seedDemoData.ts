import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DateTime } from 'luxon';
import { DeploymentStore } from '../deployments/DeploymentStore';
import { demoDeploymentsFor } from './demoDeployments';

/** Writes demo history when `qualityGates.demoData.enabled` is true. */
export async function seedDemoData(options: {
  config?: Config;
  deployments: DeploymentStore;
  logger: LoggerService;
  now: DateTime;
}): Promise<void> {
  const { config, deployments, logger, now } = options;
  if (!config?.getOptionalBoolean('enabled')) {
    return;
  }
  const entityRefs = config.getOptionalStringArray('entities') ?? [];
  const reports = entityRefs.flatMap(ref =>
    demoDeploymentsFor(ref.toLocaleLowerCase('en-US'), now),
  );
  await deployments.upsertDeployments(reports);
  logger.info(
    `Demo data: ${reports.length} deployments for ${entityRefs.length} entities`,
  );
}
