import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  checkoutCandidates,
  productionNo,
  productionOverridden,
  stagingError,
  stagingNotYet,
} from '../__testUtils__/decisionFixtures';
import { fakeGateApi, renderGates } from '../__testUtils__/renderGates';
import { EntityGateStatusContent } from './EntityGateStatusContent';

const user = userEvent.setup({ delay: null });

// Menus and typing are slow on a busy machine.
jest.setTimeout(20_000);

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Current query">{location.search}</output>;
}

function card(environment: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `[data-environment-card="${environment}"]`,
  );
  if (!found) throw new Error(`No card for ${environment}`);
  return found;
}

function answer(environment: string): string | null | undefined {
  return card(environment)
    .querySelector('[data-answer]')
    ?.getAttribute('data-answer');
}

async function renderTab(api: ReturnType<typeof fakeGateApi>, url?: string) {
  await renderGates(
    <>
      <EntityGateStatusContent />
      <LocationProbe />
    </>,
    api,
    { url },
  );
  await screen.findByRole('region', { name: 'Can I deploy?' });
}

// Nothing is allowed in this file (the permission hook caches per file).
describe('EntityGateStatusContent', () => {
  it('asks about the next version to promote by default, and says nobody asked yet', async () => {
    const api = fakeGateApi();
    await renderTab(api);

    // Staging runs 1.4.0 and 1.5.0 was built: 1.5.0 is next.
    expect(api.gateCandidates).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    await waitFor(() =>
      expect(api.latestDecisions).toHaveBeenCalledWith(
        'component:default/checkout',
        '1.5.0',
      ),
    );
    expect(screen.getByLabelText('Version')).toHaveValue('1.5.0');
    expect(document.querySelector('[data-role="unknown-version"]')).toBeNull();
    expect(
      screen
        .getAllByRole('heading', { level: 2 })
        .map(heading => heading.textContent),
    ).toEqual(['Can I deploy 1.5.0?', 'staging', 'production']);
    await waitFor(() => expect(answer('production')).toBe('none'));
    expect(answer('staging')).toBe('none');
    expect(card('production')).toHaveTextContent('Not evaluated yet');
    expect(card('production')).toHaveTextContent(
      'Nobody has asked yet whether 1.5.0 can go to production.',
    );
    expect(card('production')).toHaveTextContent('runs 1.3.2');
    // Without the permission there is nothing to press.
    expect(
      screen.queryByRole('button', { name: /Evaluate now/ }),
    ).not.toBeInTheDocument();
  });

  it('never shows another version’s verdict as the answer', async () => {
    const api = fakeGateApi();
    // Whatever the backend sends, a decision about 1.4.0 is not one about 1.5.0.
    api.latestDecisions.mockResolvedValue({ items: [productionNo] });
    await renderTab(api);

    await waitFor(() => expect(api.latestDecisions).toHaveBeenCalled());
    await waitFor(() => expect(answer('production')).toBe('none'));
    expect(card('production')).not.toHaveTextContent('Release checks');
  });

  it('shows the answer first, its sentence, when, what asked and who, then the gates', async () => {
    const api = fakeGateApi();
    api.latestDecisions.mockResolvedValue({
      items: [stagingError, productionNo],
    });
    await renderTab(api, '/?version=1.4.0');

    await waitFor(() => expect(answer('production')).toBe('no'));
    expect(api.latestDecisions).toHaveBeenCalledWith(
      'component:default/checkout',
      '1.4.0',
    );
    const production = card('production');
    const headline = production.querySelector<HTMLElement>(
      '[data-role="decision-headline"]',
    )!;
    // The chip is the first thing in the headline.
    expect(headline.firstElementChild).toHaveTextContent('No');
    expect(
      within(headline).getByText(
        'No: Release checks fails — error ratio 3.12 % is above 1 %.',
      ),
    ).toBeInTheDocument();
    expect(headline).toHaveTextContent(
      /Decided .* ago · asked by CI \(ci-bot\)/,
    );
    // The time is relative, the absolute time on hover.
    expect(headline.querySelector('time')?.closest('[title]')).toHaveAttribute(
      'title',
      expect.stringMatching(/2026/),
    );
    expect(
      within(production).getByRole('link', { name: 'Open this decision' }),
    ).toHaveAttribute('href', '/gate-history/decisions/dec-prod-no');

    // The gate that blocks is open with its evidence; the dry-run one is marked.
    const release = production.querySelector<HTMLElement>(
      '[data-gate="release-checks"]',
    )!;
    expect(release).toHaveTextContent('Release checks');
    expect(
      release.querySelector('[data-criterion="error-ratio"]'),
    ).not.toBeNull();
    const freeze = production.querySelector<HTMLElement>(
      '[data-gate="weekend-freeze"]',
    )!;
    expect(freeze).toHaveTextContent('Dry run · not enforced');
    // What it measured, marked as not counting: not the pass it acts as.
    expect(freeze.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'fail',
    );
    expect(freeze.querySelector('[data-criterion]')).toBeNull();
    await user.click(
      within(freeze).getByRole('button', { name: /Weekend freeze/ }),
    );
    expect(freeze.querySelector('[data-criterion="freeze"]')).not.toBeNull();

    expect(answer('staging')).toBe('error');
    expect(card('staging')).toHaveTextContent(
      '.quality-gates.yaml is not valid YAML',
    );
    expect(
      screen.queryByRole('button', { name: /Override/ }),
    ).not.toBeInTheDocument();
  });

  it('shows an overridden gate as measured, who overrode it, why and until when', async () => {
    const api = fakeGateApi();
    api.latestDecisions.mockResolvedValue({ items: [productionOverridden] });
    await renderTab(api, '/?version=1.4.0');

    await waitFor(() => expect(answer('production')).toBe('yes'));
    const overridden = card('production').querySelector(
      '[data-gate="release-checks"] [data-role="overridden"]',
    );
    expect(overridden).toHaveTextContent(
      /^fail, overridden by jane because The error spike is the load test, until .*2099/,
    );
  });

  it('says when to ask again for "not yet"', async () => {
    const api = fakeGateApi();
    api.latestDecisions.mockResolvedValue({ items: [stagingNotYet] });
    await renderTab(api);

    await waitFor(() => expect(answer('staging')).toBe('not_yet'));
    expect(card('staging')).toHaveTextContent('Not yet');
    expect(
      card('staging').querySelector('[data-role="ask-again"]'),
    ).toHaveTextContent(/Ask again in .*2099/);
  });

  it('asks about another version when one is picked or typed, and keeps it in the URL', async () => {
    const api = fakeGateApi();
    await renderTab(api);
    await waitFor(() =>
      expect(api.latestDecisions).toHaveBeenLastCalledWith(
        'component:default/checkout',
        '1.5.0',
      ),
    );

    await user.click(screen.getByLabelText('Version'));
    await user.click(await screen.findByRole('option', { name: /^1\.3\.2/ }));
    await waitFor(() =>
      expect(api.latestDecisions).toHaveBeenLastCalledWith(
        'component:default/checkout',
        '1.3.2',
      ),
    );
    expect(
      screen.getByRole('status', { name: 'Current query' }),
    ).toHaveTextContent('version=1.3.2');

    await user.clear(screen.getByLabelText('Version'));
    await user.type(screen.getByLabelText('Version'), '2.0.0-rc.1{enter}');
    await waitFor(() =>
      expect(api.latestDecisions).toHaveBeenLastCalledWith(
        'component:default/checkout',
        '2.0.0-rc.1',
      ),
    );
    // A typo would otherwise only show as "not evaluated yet".
    expect(
      document.querySelector('[data-role="unknown-version"]'),
    ).toHaveTextContent('No build, deployment or decision of 2.0.0-rc.1');
    await user.click(
      screen.getByRole('button', { name: /Back to the next to promote/ }),
    );
    await waitFor(() =>
      expect(api.latestDecisions).toHaveBeenLastCalledWith(
        'component:default/checkout',
        '1.5.0',
      ),
    );
  });

  it('still answers for a version in the URL when the candidates cannot be read', async () => {
    const api = fakeGateApi();
    api.gateCandidates.mockRejectedValue(new Error('candidates are down'));
    api.latestDecisions.mockResolvedValue({ items: [productionNo] });
    await renderTab(api, '/?version=1.4.0');

    expect(
      screen.getByText(/The versions and environments could not be loaded/),
    ).toBeInTheDocument();
    await waitFor(() => expect(answer('production')).toBe('no'));
  });

  it('says plainly that no gate guards an environment instead of showing an error', async () => {
    const api = fakeGateApi();
    api.gateCandidates.mockResolvedValue({
      ...checkoutCandidates,
      environments: [
        { environment: 'development', gated: false, runningVersion: '1.5.0' },
        ...checkoutCandidates.environments,
      ],
    });
    // Somebody asked anyway: the stored answer is "no", nothing decided.
    api.latestDecisions.mockResolvedValue({
      items: [
        {
          ...stagingError,
          id: 'dec-development',
          environment: 'development',
          version: '1.5.0',
          answer: 'no',
          verdict: 'error',
          evaluations: [],
          sentence:
            'No: no gate applies to component:default/checkout in development.',
          problems: ['No gate applies: nothing decides, so the answer is no'],
        },
      ],
    });
    await renderTab(api);

    const development = await waitFor(() => card('development'));
    await waitFor(() =>
      expect(development).toHaveTextContent('No gate guards development'),
    );
    expect(development).toHaveTextContent('the answer is no');
    expect(development).toHaveTextContent('environments: [development]');
    expect(development.querySelector('[data-answer]')).toBeNull();
    expect(
      within(development).getByRole('link', { name: 'Open the stored answer' }),
    ).toBeInTheDocument();
    // Gated environments still answer as before.
    expect(answer('staging')).toBe('none');
  });

  it('explains how CI asks when nothing is known about the entity', async () => {
    const api = fakeGateApi();
    api.gateCandidates.mockResolvedValue({ environments: [], versions: [] });
    await renderGates(<EntityGateStatusContent />, api);

    expect(
      await screen.findByText('No gate has evaluated this component yet'),
    ).toBeInTheDocument();
    expect(
      document.querySelector('[data-role="ci-command"]'),
    ).toHaveTextContent(`jq -e '.answer == "yes"'`);
    expect(checkoutCandidates.versions).toHaveLength(3);
  });
});
