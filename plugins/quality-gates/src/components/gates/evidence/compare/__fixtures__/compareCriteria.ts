import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';

// Criteria as the backend's gate-level compare test evaluated them (only
// the Prometheus address is replaced): a canary whose error ratio tripled,
// its latency unchanged, and a canary with too little traffic yet.

/** v2 fails three times as often as v1 beside it: fail. */
export const regressedErrorRatio: CriterionEvidence = {
  key: 'canary-errors',
  title: 'Error ratio against the baseline',
  source: 'compare',
  weight: 1,
  keyCriterion: true,
  threshold: {
    pass: '>= 1',
  },
  observed: 0,
  sampleSize: 5717,
  query:
    'sum(increase(http_requests_total{service="canary-errors",environment="production",version="v2"}[30m]))',
  link: 'https://prometheus.example.com/graph?g0.expr=sum(increase(http_requests_total%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%2Ccode%3D~%225..%22%7D%5B30m%5D))%20%2F%20sum(increase(http_requests_total%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%7D%5B30m%5D))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
  details: {
    query:
      'sum(increase(http_requests_total{service="canary-errors",environment="production",version="v2"}[30m]))',
    metric: {
      type: 'errorRatio',
      counter: 'http_requests_total',
      errorMatcher: 'code=~"5.."',
      selector: 'service="{{entity.name}}",environment="{{environment}}"',
      versionLabel: 'version',
    },
    state: 'fail',
    baseline: {
      requested: 'auto',
      strategy: 'canary',
      version: 'v1',
      start: '2026-11-24T01:56:32.474Z',
      end: '2026-11-24T02:26:32.474Z',
      window: '30m',
      reason:
        'v1 served beside v2 in the last 7m30s of the window (the most traffic of 1 other version(s)); both are compared over the same window',
      otherVersions: {
        v1: 4867.013333333333,
      },
      canaryQuery:
        'sum by (version) (increase(http_requests_total{service="canary-errors",environment="production"}[7m30s]))',
    },
    candidate: {
      version: 'v2',
      start: '2026-11-24T01:56:32.474Z',
      end: '2026-11-24T02:26:32.474Z',
      window: '30m',
    },
    figures: {
      baseline: {
        errors: 114,
        requests: 22867,
        errorRatio: 0.004985350067783268,
      },
      candidate: {
        errors: 86,
        requests: 5717,
        errorRatio: 0.01504285464404408,
      },
    },
    test: 'two-proportion-z',
    pValue: 1.6653345369377348e-16,
    interval: {
      lower: 0.007492676492867929,
      upper: 0.013030154845189079,
      confidenceLevel: 0.8999999999999999,
      method: 'newcombe-hybrid-score',
    },
    effect: {
      measure: 'error ratio, candidate over baseline',
      estimate: 3.017411904783825,
      interval: {
        lower: 2.3886556885253385,
        upper: 3.811673087447809,
        confidenceLevel: 0.8999999999999999,
        method: 'log-ratio',
      },
    },
    sampleSizes: {
      baseline: 22867,
      candidate: 5717,
      minimum: 500,
      unit: 'requests',
    },
    reasons: [
      'error ratio 0.499% → 1.50% (+1.01%, interval 0.749% to 1.30%; ratio 3.02)',
      'two-proportion z test p = 1.67e-16: significant at 95.0% confidence',
      "the change exceeds the tolerance (+20.0% relative and +0.100% absolute) even at the interval's near end",
    ],
    queries: {
      baseline: [
        'sum(increase(http_requests_total{service="canary-errors",environment="production",version="v1"}[30m]))',
        'sum(increase(http_requests_total{service="canary-errors",environment="production",version="v1",code=~"5.."}[30m]))',
      ],
      candidate: [
        'sum(increase(http_requests_total{service="canary-errors",environment="production",version="v2"}[30m]))',
        'sum(increase(http_requests_total{service="canary-errors",environment="production",version="v2",code=~"5.."}[30m]))',
      ],
    },
    links: {
      baseline:
        'https://prometheus.example.com/graph?g0.expr=sum(increase(http_requests_total%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v1%22%2Ccode%3D~%225..%22%7D%5B30m%5D))%20%2F%20sum(increase(http_requests_total%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v1%22%7D%5B30m%5D))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
      candidate:
        'https://prometheus.example.com/graph?g0.expr=sum(increase(http_requests_total%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%2Ccode%3D~%225..%22%7D%5B30m%5D))%20%2F%20sum(increase(http_requests_total%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%7D%5B30m%5D))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
    },
  },
  message: '0 misses >= 1',
  state: 'fail',
  score: 0,
  durationMs: 30,
};

/** The same canary's latency histogram, unchanged: pass. */
export const unchangedLatency: CriterionEvidence = {
  key: 'canary-latency',
  title: 'Latency against the baseline',
  source: 'compare',
  weight: 1,
  keyCriterion: false,
  threshold: {
    pass: '>= 1',
  },
  observed: 1,
  sampleSize: 5716,
  query:
    'sum by (le) (increase(http_request_duration_seconds_bucket{service="canary-errors",environment="production",version="v2"}[30m]))',
  link: 'https://prometheus.example.com/graph?g0.expr=histogram_quantile(0.99%2C%20sum%20by%20(le)%20(increase(http_request_duration_seconds_bucket%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%7D%5B30m%5D)))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
  details: {
    query:
      'sum by (le) (increase(http_request_duration_seconds_bucket{service="canary-errors",environment="production",version="v2"}[30m]))',
    metric: {
      type: 'histogram',
      histogram: 'http_request_duration_seconds',
      selector: 'service="{{entity.name}}",environment="{{environment}}"',
      versionLabel: 'version',
    },
    state: 'pass',
    baseline: {
      requested: 'auto',
      strategy: 'canary',
      version: 'v1',
      start: '2026-11-24T01:56:32.474Z',
      end: '2026-11-24T02:26:32.474Z',
      window: '30m',
      reason:
        'v1 served beside v2 in the last 7m30s of the window (the most traffic of 1 other version(s)); both are compared over the same window',
      otherVersions: {
        v1: 4867.013333333333,
      },
      canaryQuery:
        'sum by (version) (increase(http_request_duration_seconds_count{service="canary-errors",environment="production"}[7m30s]))',
    },
    candidate: {
      version: 'v2',
      start: '2026-11-24T01:56:32.474Z',
      end: '2026-11-24T02:26:32.474Z',
      window: '30m',
    },
    figures: {
      baseline: {
        count: 22867.013333333332,
        buckets: [
          {
            le: '+Inf',
            count: 22867.013333333332,
          },
          {
            le: 0.05,
            count: 13720.208,
          },
          {
            le: 0.1,
            count: 20580.312,
          },
          {
            le: 0.25,
            count: 22409.673066666666,
          },
          {
            le: 0.5,
            count: 22867.013333333332,
          },
          {
            le: 1,
            count: 22867.013333333332,
          },
          {
            le: 2.5,
            count: 22867.013333333332,
          },
        ],
      },
      candidate: {
        count: 5716.753333333333,
        buckets: [
          {
            le: '+Inf',
            count: 5716.753333333333,
          },
          {
            le: 0.05,
            count: 3430.052,
          },
          {
            le: 0.1,
            count: 5145.078,
          },
          {
            le: 0.25,
            count: 5602.418266666667,
          },
          {
            le: 0.5,
            count: 5716.753333333333,
          },
          {
            le: 1,
            count: 5716.753333333333,
          },
          {
            le: 2.5,
            count: 5716.753333333333,
          },
        ],
      },
    },
    test: 'mann-whitney-bucketed',
    pValue: 0.5000003959868577,
    effect: {
      measure: 'latency as a whole, candidate over baseline',
      estimate: 0.9999999999999996,
      interval: {
        lower: 0.9783563444719701,
        upper: 1.0221224665739872,
        confidenceLevel: 0.8999999999999999,
        method: 'inverted bucketed rank comparison',
      },
    },
    sampleSizes: {
      baseline: 22867.013333333332,
      candidate: 5716.753333333333,
      minimum: 500,
      unit: 'observations',
    },
    reasons: [
      'rank test over 7 buckets p = 0.500 (not significant); P(candidate slower) = 0.500',
      'latency as a whole ×1.00 (×0.978 to ×1.02)',
      'p50 0.0417 → 0.0417 (×1.00)',
      'p90 0.100 → 0.100 (×1.00)',
      'p99 0.375 → 0.375 (×1.00)',
    ],
    quantiles: [
      {
        quantile: 0.5,
        baseline: 0.041666666666666664,
        candidate: 0.041666666666666664,
        baselineInterval: {
          lower: 0.04112546981795028,
          upper: 0.04221145918487533,
        },
        candidateInterval: {
          lower: 0.04058247513448776,
          upper: 0.04276903090682008,
        },
        ratio: 1,
        beyondTolerance: false,
        interpolatedBeyondTolerance: false,
        confirmedBeyondTolerance: false,
      },
      {
        quantile: 0.9,
        baseline: 0.09999999999999998,
        candidate: 0.09999999999999998,
        baselineInterval: {
          lower: 0.0746745238847691,
          upper: 0.1074360388705476,
        },
        candidateInterval: {
          lower: 0.0743428962592987,
          upper: 0.11506165212655656,
        },
        ratio: 1,
        beyondTolerance: false,
        interpolatedBeyondTolerance: false,
        confirmedBeyondTolerance: false,
      },
      {
        quantile: 0.99,
        baseline: 0.375,
        candidate: 0.375,
        baselineInterval: {
          lower: 0.26626198378333626,
          upper: 0.3917582007503097,
        },
        candidateInterval: {
          lower: 0.26396610022238737,
          upper: 0.4108905637582175,
        },
        ratio: 1,
        beyondTolerance: false,
        interpolatedBeyondTolerance: false,
        confirmedBeyondTolerance: false,
      },
    ],
    queries: {
      baseline: [
        'sum by (le) (increase(http_request_duration_seconds_bucket{service="canary-errors",environment="production",version="v1"}[30m]))',
        'sum(increase(http_request_duration_seconds_count{service="canary-errors",environment="production",version="v1"}[30m]))',
      ],
      candidate: [
        'sum by (le) (increase(http_request_duration_seconds_bucket{service="canary-errors",environment="production",version="v2"}[30m]))',
        'sum(increase(http_request_duration_seconds_count{service="canary-errors",environment="production",version="v2"}[30m]))',
      ],
    },
    links: {
      baseline:
        'https://prometheus.example.com/graph?g0.expr=histogram_quantile(0.99%2C%20sum%20by%20(le)%20(increase(http_request_duration_seconds_bucket%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v1%22%7D%5B30m%5D)))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
      candidate:
        'https://prometheus.example.com/graph?g0.expr=histogram_quantile(0.99%2C%20sum%20by%20(le)%20(increase(http_request_duration_seconds_bucket%7Bservice%3D%22canary-errors%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%7D%5B30m%5D)))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
    },
  },
  message: '1 meets >= 1',
  state: 'pass',
  score: 1,
  durationMs: 30,
};

/** 114 requests of the 500 needed: inconclusive, so no data. */
export const quietCanaryErrorRatio: CriterionEvidence = {
  key: 'canary-errors',
  title: 'Error ratio against the baseline',
  source: 'compare',
  weight: 1,
  keyCriterion: true,
  threshold: {
    pass: '>= 1',
  },
  observed: null,
  sampleSize: 114,
  query:
    'sum(increase(http_requests_total{service="canary-quiet",environment="production",version="v2"}[30m]))',
  link: 'https://prometheus.example.com/graph?g0.expr=sum(increase(http_requests_total%7Bservice%3D%22canary-quiet%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%2Ccode%3D~%225..%22%7D%5B30m%5D))%20%2F%20sum(increase(http_requests_total%7Bservice%3D%22canary-quiet%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%7D%5B30m%5D))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
  details: {
    query:
      'sum(increase(http_requests_total{service="canary-quiet",environment="production",version="v2"}[30m]))',
    metric: {
      type: 'errorRatio',
      counter: 'http_requests_total',
      errorMatcher: 'code=~"5.."',
      selector: 'service="{{entity.name}}",environment="{{environment}}"',
      versionLabel: 'version',
    },
    state: 'inconclusive',
    baseline: {
      requested: 'auto',
      strategy: 'canary',
      version: 'v1',
      start: '2026-11-24T01:56:32.585Z',
      end: '2026-11-24T02:26:32.585Z',
      window: '30m',
      reason:
        'v1 served beside v2 in the last 7m30s of the window (the most traffic of 1 other version(s)); both are compared over the same window',
      otherVersions: {
        v1: 4865.533333333335,
      },
      canaryQuery:
        'sum by (version) (increase(http_requests_total{service="canary-quiet",environment="production"}[7m30s]))',
    },
    candidate: {
      version: 'v2',
      start: '2026-11-24T01:56:32.585Z',
      end: '2026-11-24T02:26:32.585Z',
      window: '30m',
    },
    figures: {
      baseline: {
        errors: 114,
        requests: 22866,
        errorRatio: 0.004985568092364209,
      },
      candidate: {
        errors: 0,
        requests: 114,
        errorRatio: 0,
      },
    },
    test: 'fisher-exact',
    pValue: 1,
    interval: {
      lower: -0.0058124549972266674,
      upper: 0.018207941264533328,
      confidenceLevel: 0.8999999999999999,
      method: 'newcombe-hybrid-score',
    },
    effect: {
      measure: 'error ratio, candidate over baseline',
      estimate: 0.8683121321435352,
      interval: {
        lower: 0.08480718864960322,
        upper: 8.89035435360089,
        confidenceLevel: 0.8999999999999999,
        method: 'log-ratio, 0.5 added for a zero count',
      },
    },
    sampleSizes: {
      baseline: 22866,
      candidate: 114,
      minimum: 500,
      unit: 'requests',
    },
    missing: [
      {
        side: 'candidate',
        missing: 386,
        secondsToWait: 6095,
        description:
          'candidate needs 386 more requests (about 1 hr, 41 min, 35 sec at the current rate)',
      },
    ],
    reasons: [
      'candidate needs 386 more requests (about 1 hr, 41 min, 35 sec at the current rate)',
      'error ratio 0.499% → 0.00% (-0.499%, interval -0.581% to 1.82%; ratio 0.868)',
      "Fisher's exact test p = 1.00: not significant at 95.0% confidence",
    ],
    queries: {
      baseline: [
        'sum(increase(http_requests_total{service="canary-quiet",environment="production",version="v1"}[30m]))',
        'sum(increase(http_requests_total{service="canary-quiet",environment="production",version="v1",code=~"5.."}[30m]))',
      ],
      candidate: [
        'sum(increase(http_requests_total{service="canary-quiet",environment="production",version="v2"}[30m]))',
        'sum(increase(http_requests_total{service="canary-quiet",environment="production",version="v2",code=~"5.."}[30m]))',
      ],
    },
    links: {
      baseline:
        'https://prometheus.example.com/graph?g0.expr=sum(increase(http_requests_total%7Bservice%3D%22canary-quiet%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v1%22%2Ccode%3D~%225..%22%7D%5B30m%5D))%20%2F%20sum(increase(http_requests_total%7Bservice%3D%22canary-quiet%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v1%22%7D%5B30m%5D))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
      candidate:
        'https://prometheus.example.com/graph?g0.expr=sum(increase(http_requests_total%7Bservice%3D%22canary-quiet%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%2Ccode%3D~%225..%22%7D%5B30m%5D))%20%2F%20sum(increase(http_requests_total%7Bservice%3D%22canary-quiet%22%2Cenvironment%3D%22production%22%2Cversion%3D%22v2%22%7D%5B30m%5D))&g0.tab=0&g0.stacked=0&g0.range_input=30m&g0.end_input=2026-11-24%2002%3A26%3A32&g0.moment_input=2026-11-24%2002%3A26%3A32',
    },
    noData:
      "inconclusive: candidate needs 386 more requests (about 1 hr, 41 min, 35 sec at the current rate); error ratio 0.499% → 0.00% (-0.499%, interval -0.581% to 1.82%; ratio 0.868); Fisher's exact test p = 1.00: not significant at 95.0% confidence",
  },
  message: 'no data',
  state: 'no_data',
  score: 0,
  durationMs: 30,
};
