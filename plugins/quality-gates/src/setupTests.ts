import '@testing-library/jest-dom';

// Views render a whole Backstage app per test; on a loaded 2-core runner the
// default 5 s is not enough for the ones that click through menus. (Jest's
// testTimeout option is global-only, so it is set here, per package.)
jest.setTimeout(20_000);
