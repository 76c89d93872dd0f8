// The benches are scripts run from the repository root, not a package: they
// are linted as backend code, and may import packages' sources and devDeps.
module.exports =
  require('@backstage/cli/config/eslint-factory').createConfigForRole(
    __dirname,
    'backend',
    {
      rules: {
        'no-console': 'off',
        'import/no-extraneous-dependencies': 'off',
        '@backstage/no-relative-monorepo-imports': 'off',
      },
    },
  );
