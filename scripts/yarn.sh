#!/usr/bin/env bash
# Runs the project's Yarn 4 with the environment the other scripts use,
# for machines without a global yarn: ./scripts/yarn.sh tsc
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ensure_yarn
cd "$REPO_ROOT"
yarn "$@"
