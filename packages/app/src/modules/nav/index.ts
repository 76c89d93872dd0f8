import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { sidebarContent } from './Sidebar';

/** The app's own sidebar, in place of the app plugin's plain list. */
export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [sidebarContent],
});
