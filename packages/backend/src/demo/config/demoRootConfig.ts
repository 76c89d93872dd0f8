import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  ConfigSource,
  ConfigSources,
  MutableConfigSource,
} from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';

/**
 * Config the demo learns while the backend starts (the port its Prometheus
 * got), added to the root config on top of the usual sources. The plugin
 * reads it like any other value: nothing in the plugin knows about the demo.
 */
export class DemoConfig {
  private readonly source = MutableConfigSource.create({
    data: {},
    context: 'demo',
  });
  private installed = false;

  /**
   * The root config service: the default sources (app-config files,
   * `--config` arguments, `APP_CONFIG_` variables), or `base` in tests, with
   * the demo's values over them.
   */
  rootConfigFactory(options: { base?: ConfigSource } = {}) {
    const demo = this.source;
    const installed = () => {
      this.installed = true;
    };
    return createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      async factory() {
        installed();
        const source = ConfigSources.merge([
          options.base ?? ConfigSources.default({}),
          demo,
        ]);
        return ConfigSources.toConfig(source);
      },
    });
  }

  /**
   * Sets the demo's values and waits until `config` shows them (the root
   * config takes a new source value asynchronously).
   */
  async set(
    data: JsonObject,
    config: { getOptional(key: string): unknown },
    probe: { key: string; value: unknown },
  ): Promise<void> {
    if (!this.installed) {
      throw new Error(
        "The demo's config needs its root config service: add rootConfigFactory() to the backend",
      );
    }
    this.source.setData(data);
    const deadline = Date.now() + 5000;
    while (config.getOptional(probe.key) !== probe.value) {
      if (Date.now() > deadline) {
        throw new Error(`The root config did not take the demo's ${probe.key}`);
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
}
