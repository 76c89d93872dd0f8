import { DemoConfig } from './config/demoRootConfig';
import { createDemoModule } from './demoModule';

/**
 * Demo only: the features that make the example backend's demo — a root
 * config service that takes the values the demo learns while starting
 * (its Prometheus' address), and the module that writes the demo history
 * and runs the demo telemetry (see `qualityGates.demoData`).
 */
export function demoFeatures() {
  const config = new DemoConfig();
  return [config.rootConfigFactory(), createDemoModule(config)];
}

export { DemoConfig } from './config/demoRootConfig';
export { createDemoModule } from './demoModule';
