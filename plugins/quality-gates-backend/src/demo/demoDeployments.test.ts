import { DateTime } from 'luxon';
import { demoDeploymentsFor } from './demoDeployments';

describe('demoDeploymentsFor', () => {
  const now = DateTime.fromISO('2026-11-23T12:00:00Z', { zone: 'utc' });

  it('is the same history for the same entity, so restarts upsert', () => {
    const first = demoDeploymentsFor('component:default/checkout', now);
    const second = demoDeploymentsFor('component:default/checkout', now);
    expect(second).toEqual(first);
    expect(new Set(first.map(d => d.externalId)).size).toBe(first.length);
  });

  it('covers the last month, never the future, and promotes in order', () => {
    const reports = demoDeploymentsFor('component:default/payments', now);
    expect(reports.length).toBeGreaterThan(10);
    const starts = reports.map(d => DateTime.fromISO(d.startedAt));
    expect(DateTime.min(...starts)! >= now.minus({ days: 31 })).toBe(true);
    expect(DateTime.max(...starts)! <= now).toBe(true);
    // The latest release is recent, so the views look alive.
    expect(DateTime.max(...starts)! >= now.minus({ days: 7 })).toBe(true);
    const finished = reports.filter(report => report.finishedAt);
    const unfinished = reports.filter(report => !report.finishedAt);
    expect(
      finished.every(
        report =>
          report.finishedAt! > report.startedAt &&
          DateTime.fromISO(report.finishedAt!) <= now,
      ),
    ).toBe(true);
    expect(unfinished.every(report => report.status === 'in_progress')).toBe(
      true,
    );
    // Production only ever gets a version staging already had.
    const stagingVersions = new Set(
      reports.filter(d => d.environment === 'staging').map(d => d.version),
    );
    for (const prod of reports.filter(d => d.environment === 'production')) {
      expect(stagingVersions.has(prod.version)).toBe(true);
    }
  });

  it('differs between entities', () => {
    const checkout = demoDeploymentsFor('component:default/checkout', now);
    const payments = demoDeploymentsFor('component:default/payments', now);
    expect(checkout.map(d => d.startedAt)).not.toEqual(
      payments.map(d => d.startedAt),
    );
  });
});
