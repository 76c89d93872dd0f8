import { Page } from '@playwright/test';

/**
 * The entity page's tabs. On the new frontend system they are links in the
 * page header's content navigation, the current one marked
 * `aria-current="page"`, rather than ARIA tabs.
 */
export function entityTabs(page: Page) {
  return page.getByRole('navigation', { name: 'Content navigation' });
}

/** One tab of the entity page, by its title. */
export function entityTab(page: Page, title: string) {
  return entityTabs(page).getByRole('link', { name: title, exact: true });
}
