#!/usr/bin/env bash
# Installs the workspace and starts the app (:3000) and backend (:7007) on the
# embedded default: SQLite, the example catalog and demo data.
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

install_dependencies
cd "$REPO_ROOT"
yarn start
