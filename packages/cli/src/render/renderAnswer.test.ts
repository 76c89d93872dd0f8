import { answer, criterion, evaluation } from '../__testUtils__/answers';
import { palette, shouldUseColor } from './colors';
import { renderAnswer } from './renderAnswer';

const plain = palette(false);
const ESC = '\u001b[';

describe('renderAnswer', () => {
  const failing = answer({
    verdict: 'fail',
    evaluations: [
      evaluation({
        verdict: 'fail',
        effectiveVerdict: 'fail',
        score: 33.333333,
        criteria: [
          criterion({
            key: 'error-ratio',
            title: 'Error ratio',
            keyCriterion: true,
            state: 'fail',
            observed: 0.0345678,
            baseline: { value: 0.01, aggregate: 'avg', from: 3 },
            sampleSize: 1200,
            link: 'https://prometheus.example.com/graph?g0.expr=x',
            message: `0.0346 is above <= 0.01 ${'and more '.repeat(20)}`,
          }),
          criterion({
            key: 'ci',
            source: 'pipeline',
            state: 'no_data',
            observed: null,
            threshold: { pass: '>= 1' },
            message: 'no data',
            details: { reason: 'no pipeline run built abc123' },
          }),
        ],
      }),
    ],
  });

  it("heads with the decision's sentence, then the verdict and what was asked", () => {
    const [sentence, header] = renderAnswer(
      { ...failing, answer: 'no', sentence: 'No: Release checks fails.' },
      plain,
    ).split('\n');
    expect(sentence).toBe('No: Release checks fails.');
    expect(header).toBe(
      'Can I deploy? FAIL - component:default/checkout to production at abc123',
    );
  });

  it("lists each gate's mode, verdict and score, and its criteria's evidence", () => {
    const text = renderAnswer(failing, plain);
    expect(text).toContain(
      'Gate production-slo "Production SLOs": mode enforce, verdict fail, score 33.33 (pass >= 90, warn >= 60)',
    );
    for (const column of [
      'criterion',
      'state',
      'observed',
      'threshold',
      'baseline',
      'samples',
      'reason',
      'link',
    ]) {
      expect(text).toContain(column);
    }
    const errorRow = text
      .split('\n')
      .find(line => line.includes('error-ratio (key)'))!;
    expect(errorRow).toContain('fail');
    expect(errorRow).toContain('0.03457');
    expect(errorRow).toContain('pass <= 0.01');
    expect(errorRow).toContain('0.01 (avg of 3)');
    expect(errorRow).toContain('1200');
    expect(errorRow).toContain(
      'https://prometheus.example.com/graph?g0.expr=x',
    );
    // The reason wraps in its cell: its first line is on the row.
    expect(errorRow).toContain('0.0346 is above <= 0.01 and more');
    expect(text).not.toMatch(/\.\.\./);
    expect(text).toContain('Error ratio'); // the title, under the key
    const ciRow = text.split('\n').find(line => line.includes(' ci '))!;
    expect(ciRow).toContain('no_data');
    expect(ciRow).toContain('no data: no pipeline run built abc123');
    expect(text).not.toContain(ESC);
  });

  it("says a criterion's sentence, links as their text", () => {
    const text = renderAnswer(
      answer({
        verdict: 'pass',
        evaluations: [
          evaluation({
            criteria: [
              criterion({
                key: 'ci',
                source: 'pipeline',
                message: 'CI run #4185 succeeded',
                summary: [
                  'CI run ',
                  {
                    kind: 'link',
                    text: '#4185',
                    url: 'https://ci.example.com/4185',
                  },
                  ' succeeded',
                ],
              }),
            ],
          }),
        ],
      }),
      plain,
    );
    const ciRow = text.split('\n').find(line => line.includes(' ci '))!;
    expect(ciRow).toContain('CI run #4185 succeeded');
  });

  it('shows a mode that changed the verdict, an override and problems', () => {
    const text = renderAnswer(
      answer({
        verdict: 'pass',
        problems: ['no gate applies to canary'],
        evaluations: [
          evaluation({
            mode: 'warn-only',
            verdict: 'fail',
            effectiveVerdict: 'pass',
            score: null,
            problems: ['the component gate file could not be read'],
            override: {
              id: 'o1',
              entityRef: 'component:default/checkout',
              environment: 'production',
              version: '1.0.0',
              verdict: 'pass',
              reason: 'hotfix for the outage',
              createdBy: 'user:default/admin',
              createdAt: '2026-03-02T10:00:00.000Z',
              expiresAt: '2026-03-03T10:00:00.000Z',
              active: true,
            },
          }),
        ],
      }),
      plain,
    );
    expect(text.split('\n')[1]).toContain('PASS (from an override)');
    expect(text).toContain('mode warn-only, verdict fail -> pass, no score');
    expect(text).toContain(
      '  fail, overridden to pass by user:default/admin because hotfix for the outage, until 2026-03-03 10:00 UTC',
    );
    expect(text).toContain('problem: no gate applies to canary');
    expect(text).toContain(
      'problem: the component gate file could not be read',
    );
  });

  it('colours verdicts and states only when asked', () => {
    const text = renderAnswer(failing, palette(true));
    expect(text).toContain(`${ESC}31mFAIL${ESC}39m`);
    expect(text).toContain(`${ESC}90mno_data${ESC}39m`);
  });
});

describe('shouldUseColor', () => {
  it('colours for a terminal unless NO_COLOR is set', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });
});
