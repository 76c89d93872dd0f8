import { Content, Header, Page } from '@backstage/core-components';
import { ReadinessOverview } from './ReadinessOverview';

/** The platform team's page: readiness of every component at a glance. */
export function ReadinessOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Production readiness"
        subtitle="Which components have an owner, alerts, dashboards, on-call and docs, and which do not yet"
      />
      <Content>
        <ReadinessOverview />
      </Content>
    </Page>
  );
}
