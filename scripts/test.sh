#!/usr/bin/env bash
# Installs everything the checks need and runs all of them: OpenAPI drift,
# lint, type check, unit and integration tests on PostgreSQL and SQLite, and
# the end-to-end test in headless Chromium. Any failure stops with non-zero.
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

started=$(date +%s)
step() { echo; echo "==> $* ($(( $(date +%s) - started ))s)"; }

step "System packages"
"$REPO_ROOT/scripts/install-system-packages.sh"

step "PostgreSQL"
# Backend tests must really use PostgreSQL: a missing server fails the run.
export BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
node "$REPO_ROOT/scripts/wait-for-postgres.mjs" "$BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING"

step "Dependencies"
install_dependencies
cd "$REPO_ROOT"

step "OpenAPI description matches the generated router spec and client types"
node scripts/generate-openapi.mjs plugins/quality-gates-backend --client-package plugins/quality-gates --check

step "Lint and formatting"
yarn lint:all
yarn prettier:check

step "Type check"
yarn tsc:full

step "API reports match the exported APIs of the published packages"
# Reads the declarations the type check wrote; fails on an unrecorded change.
yarn api-reports:check

step "Build the published packages"
yarn build:plugins

step "Unit and integration tests (PostgreSQL and SQLite)"
# CI=true: run every test once, no watch mode, and never skip a database.
CI=true yarn test:all

step "End-to-end test in headless Chromium"
yarn workspace app build
CI=true yarn test:e2e

step "All checks passed"
