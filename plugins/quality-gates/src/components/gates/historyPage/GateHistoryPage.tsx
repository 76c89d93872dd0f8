import { Route, Routes } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { DecisionPage } from './DecisionPage';
import { GateReviewTabs } from './GateReviewTabs';

function GateReview(props: { title?: string }) {
  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'Gate history'}
        subtitle="Every deployment decision the gates made, with its evidence and overrides, and how often the gates were right"
      />
      <Content>
        <GateReviewTabs />
      </Content>
    </Page>
  );
}

/**
 * The platform team's review page: every gate decision, kept and explained;
 * each decision has its own page under `decisions/:decisionId`. `title` is
 * the app's name for it (an app's config may rename the page).
 */
export function GateHistoryPage(props: { title?: string }) {
  return (
    <Routes>
      <Route path="/" element={<GateReview title={props.title} />} />
      <Route path="/decisions/:decisionId" element={<DecisionPage />} />
    </Routes>
  );
}
