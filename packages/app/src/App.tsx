import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins come from feature discovery (`app.packages: all` in
// app-config.yaml): the catalog, org, user settings and quality-gates
// packages this app depends on install themselves. Only the app's own
// sidebar and sign-in page are wired here.
export default createApp({
  features: [navModule, signInModule],
});
