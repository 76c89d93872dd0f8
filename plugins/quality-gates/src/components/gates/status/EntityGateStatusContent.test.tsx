import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gateOverridePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import {
  ERROR_RATIO_QUERY,
  PROMETHEUS_LINK,
} from '../__testUtils__/gateFixtures';
import {
  fakeGateApi,
  gateCard,
  renderGates,
} from '../__testUtils__/renderGates';
import { EntityGateStatusContent } from './EntityGateStatusContent';

const user = userEvent.setup({ delay: null });

// Menus, dialogs and typing are slow on a busy machine.
jest.setTimeout(20_000);

function criterion(card: HTMLElement, key: string): HTMLElement {
  const item = card.querySelector<HTMLElement>(`[data-criterion="${key}"]`);
  if (!item) throw new Error(`No criterion ${key}`);
  return item;
}

/** The definition list of a criterion as label → value. */
function facts(item: HTMLElement): Record<string, string> {
  const terms = Array.from(item.querySelectorAll('dt'));
  return Object.fromEntries(
    terms.map(term => [
      term.textContent,
      term.nextElementSibling?.textContent ?? '',
    ]),
  );
}

// Nothing is allowed in this file (the permission hook caches per file).
describe('EntityGateStatusContent', () => {
  it('shows each environment in promotion order with its gates’ verdicts', async () => {
    const api = fakeGateApi();
    const permissions = await renderGates(<EntityGateStatusContent />, api);

    await screen.findByRole('region', { name: 'Gates in production' });
    expect(api.getGateStatus).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    const headings = screen
      .getAllByRole('heading', { level: 2 })
      .map(heading => heading.textContent);
    expect(headings).toEqual(['staging', 'production']);

    const release = gateCard('release-checks', 'production');
    const summary = release.querySelector('[data-verdict-summary]')!;
    expect(
      within(summary as HTMLElement)
        .getByText('Fail')
        .closest('[data-verdict]'),
    ).toHaveAttribute('data-verdict', 'fail');
    // Enforced and not overridden: one verdict, nothing to explain.
    expect(within(release).queryByText('Acts as')).not.toBeInTheDocument();
    expect(release).toHaveTextContent('Version 1.4.0, evaluated');
    expect(release).toHaveTextContent(
      'Score 60% (passes at 90%, warns at 75%)',
    );

    // Nobody here may override.
    expect(permissions.asked).toContain(gateOverridePermission.name);
    expect(
      screen.queryByRole('button', { name: 'Override verdict' }),
    ).not.toBeInTheDocument();
  });

  it('shows the recorded and the effective verdict of a dry-run gate, and why', async () => {
    await renderGates(<EntityGateStatusContent />, fakeGateApi());
    await screen.findByRole('region', { name: 'Gates in production' });

    const freeze = gateCard('weekend-freeze', 'production');
    const recorded = freeze.querySelector('[data-role="recorded"]')!;
    const effective = freeze.querySelector('[data-role="effective"]')!;
    expect(recorded).toHaveTextContent('RecordedFail');
    expect(recorded.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'fail',
    );
    expect(effective).toHaveTextContent('Acts asPass');
    expect(effective.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'pass',
    );
    expect(
      within(freeze).getByText('Fail — dry-run, not enforced'),
    ).toBeInTheDocument();
  });

  it('shows every criterion’s evidence: values, thresholds, baseline, samples, query and link', async () => {
    await renderGates(<EntityGateStatusContent />, fakeGateApi());
    await screen.findByRole('region', { name: 'Gates in production' });
    const release = gateCard('release-checks', 'production');

    const errorRatio = criterion(release, 'error-ratio');
    expect(errorRatio.querySelector('[data-state]')).toHaveAttribute(
      'data-state',
      'fail',
    );
    expect(errorRatio).toHaveTextContent('Error ratio of the new version');
    expect(within(errorRatio).getByText('Key criterion')).toBeInTheDocument();
    expect(
      within(errorRatio).getByText('0.0312345 misses <= 0.01'),
    ).toBeInTheDocument();
    expect(facts(errorRatio)).toEqual({
      Observed: '0.03123',
      'Pass when': '<= 0.01',
      'Warning when': '<= 0.02',
      'Sample size': '18234',
      Points: '0 of 2',
    });
    // The query is there, folded away, in monospace.
    const query = errorRatio.querySelector('details pre');
    expect(query).toHaveTextContent(ERROR_RATIO_QUERY);
    expect(errorRatio.querySelector('details')).not.toHaveAttribute('open');
    expect(
      within(errorRatio).getByRole('link', { name: /^Open in Prometheus/ }),
    ).toHaveAttribute('href', PROMETHEUS_LINK);

    const latency = criterion(release, 'p95-latency');
    expect(latency.querySelector('[data-state]')).toHaveTextContent('Pass');
    expect(facts(latency)).toEqual({
      Observed: '0.412',
      'Pass when': '<=+10%',
      Baseline: '0.398 (p90 of 5 passing evaluations)',
      'Sample size': '18234',
      Points: '1 of 1',
    });
    expect(latency.querySelector('details')).toBeNull();
    expect(within(latency).queryByRole('link')).not.toBeInTheDocument();

    const ci = criterion(release, 'ci');
    expect(
      within(ci).getByRole('link', { name: /^Open the CI run/ }),
    ).toHaveAttribute('href', 'https://ci.example.com/checkout/runs/812');
    expect(ci).toHaveTextContent(
      'pipelineName: build · runId: 812 · result: success',
    );
  });

  it('shows why a gate could not decide, prominently', async () => {
    await renderGates(<EntityGateStatusContent />, fakeGateApi());
    await screen.findByRole('region', { name: 'Gates in staging' });
    const staging = gateCard('release-checks', 'staging');

    expect(
      staging.querySelector('[data-verdict-summary] [data-verdict]'),
    ).toHaveAttribute('data-verdict', 'error');
    expect(within(staging).getByRole('alert')).toHaveTextContent(
      'Error: The gate could not decide',
    );
    const problems = within(staging).getByRole('list', { name: 'Problems' });
    expect(problems).toHaveTextContent(
      '.quality-gates.yaml is not valid YAML: bad indentation (line 3)',
    );
    expect(staging).toHaveTextContent('No score (passes at 90%');
    expect(
      within(staging).getByText('No criterion was evaluated.'),
    ).toBeInTheDocument();
  });

  it('draws each gate’s recent verdicts oldest first and opens one on click', async () => {
    const api = fakeGateApi();
    await renderGates(<EntityGateStatusContent />, api);
    await screen.findByRole('region', { name: 'Gates in production' });

    const strip = screen.getByRole('list', {
      name: 'Recent verdicts of Release checks in production',
    });
    const squares = within(strip).getAllByRole('button');
    const at = (iso: string) =>
      DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
    expect(squares.map(square => square.getAttribute('aria-label'))).toEqual([
      `1.3.2: Pass at ${at('2026-11-10T10:00:00.000Z')}`,
      `1.4.0: Fail at ${at('2026-11-20T10:00:01.000Z')}`,
    ]);
    expect(
      within(strip)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('data-verdict')),
    ).toEqual(['pass', 'fail']);
    // The square of the evaluation shown in full is marked.
    expect(squares[1]).toHaveAttribute('aria-current', 'true');

    await user.hover(squares[0]);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `1.3.2: Pass at ${at('2026-11-10T10:00:00.000Z')}`,
    );

    await user.click(squares[0]);
    const dialog = await screen.findByRole('dialog');
    expect(api.getGateEvaluation).toHaveBeenCalledWith('ev-prod-release-old');
    expect(
      await within(dialog).findByText('Release checks in production'),
    ).toBeInTheDocument();
    expect(dialog.querySelector('[data-role="version"]')).toHaveTextContent(
      '1.3.2',
    );
    expect(
      dialog.querySelector('[data-verdict-summary] [data-verdict]'),
    ).toHaveAttribute('data-verdict', 'pass');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
