import { annotationCheck } from './annotationCheck';

/** An on-call rotation is linked: PagerDuty or Opsgenie. */
export const onCallCheck = annotationCheck({
  id: 'on-call',
  title: 'On-call rotation linked',
  description:
    'An alert that pages nobody is a log line. Linking the on-call service shows who is paged and lets Backstage show incidents and trigger pages.',
  howToFix:
    "Add `pagerduty.com/service-id: <service id>` (PagerDuty) or `opsgenie.com/component-selector: <selector>` (Opsgenie) to the entity's annotations.",
  level: 'silver',
  annotations: ['pagerduty.com/service-id', 'opsgenie.com/component-selector'],
  describe: (name, value) =>
    name === 'pagerduty.com/service-id'
      ? `Pages PagerDuty service ${value}.`
      : `Pages Opsgenie components selected by ${value}.`,
});
