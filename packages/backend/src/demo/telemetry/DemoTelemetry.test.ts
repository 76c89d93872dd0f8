import { DateTime } from 'luxon';
import {
  DemoTelemetry,
  DemoTelemetryUnavailable,
  MISSING_BINARIES,
} from './DemoTelemetry';

describe('DemoTelemetry', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says in one line what is missing and how to get it', async () => {
    process.env.PATH = '/nonexistent';
    const started = DemoTelemetry.start({
      entityRefs: ['component:default/checkout'],
      anchor: DateTime.utc(),
    });
    await expect(started).rejects.toThrow(DemoTelemetryUnavailable);
    await expect(started).rejects.toThrow(MISSING_BINARIES);
    expect(MISSING_BINARIES).toBe(
      'Prometheus is not configured: install prometheus and promtool (scripts/install-system-packages.sh) and restart the demo',
    );
  });
});
