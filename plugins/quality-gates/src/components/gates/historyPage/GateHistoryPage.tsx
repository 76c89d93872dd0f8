import { Content, Header, Page } from '@backstage/core-components';
import { GateReviewTabs } from './GateReviewTabs';

/** The platform team's review page: every gate decision, kept and explained. */
export function GateHistoryPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Gate history"
        subtitle="Every deployment decision the gates made, with its evidence and overrides, and how often the gates were right"
      />
      <Content>
        <GateReviewTabs />
      </Content>
    </Page>
  );
}
