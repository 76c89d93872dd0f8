import { Content, Header, Page } from '@backstage/core-components';
import { ReadinessOverview } from './ReadinessOverview';

/**
 * The platform team's page: readiness of every component at a glance.
 * `title` is the app's name for it (an app's config may rename the page).
 */
export function ReadinessOverviewPage(props: { title?: string }) {
  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'Production readiness'}
        subtitle="Which components have an owner, alerts, dashboards, on-call and docs, and which do not yet"
      />
      <Content>
        <ReadinessOverview />
      </Content>
    </Page>
  );
}
