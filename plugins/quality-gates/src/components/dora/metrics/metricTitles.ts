import {
  DeploymentFrequencyBucket,
  DoraMetricName,
} from '@can-i-deploy/plugin-quality-gates-common';

/** The five metrics in the order the page shows them. */
export const DORA_METRICS: DoraMetricName[] = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
];

export const METRIC_TITLES: Record<DoraMetricName, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery time',
  reworkRate: 'Deployment rework rate',
};

export const BUCKET_TITLES: Record<DeploymentFrequencyBucket, string> = {
  on_demand: 'On demand (daily or more)',
  daily_to_weekly: 'Between daily and weekly',
  weekly_to_monthly: 'Between weekly and monthly',
  less_than_monthly: 'Less than monthly',
};
