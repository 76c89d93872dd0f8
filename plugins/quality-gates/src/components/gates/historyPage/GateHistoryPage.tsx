import { Content, Header, Page } from '@backstage/core-components';
import { GateHistory } from './GateHistory';

/** The platform team's review page: every gate decision, kept and explained. */
export function GateHistoryPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Gate history"
        subtitle="Every deployment decision the gates made, with its evidence and overrides"
      />
      <Content>
        <GateHistory />
      </Content>
    </Page>
  );
}
