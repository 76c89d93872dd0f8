# Shared environment for the project's scripts: sourced, not run.
# Gets Yarn 4 from the npm registry (no other download host is assumed) and
# points Yarn and native builds at what npm is already configured with.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
YARN_VERSION="4.13.0"
YARN_RELEASE="$REPO_ROOT/.yarn/releases/yarn-$YARN_VERSION.cjs"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
case "$node_major" in
  20|22|24) ;;
  *) echo "Node $node_major is not supported: use Node 20, 22 or 24." >&2; exit 1 ;;
esac

# Yarn's default registry may be unreachable; use the one npm uses.
npm_registry="$(npm config get registry 2>/dev/null || true)"
if [ -n "$npm_registry" ] && [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  export YARN_NPM_REGISTRY_SERVER="${npm_registry%/}"
fi

# Native addons (better-sqlite3) build against local Node headers: Yarn does
# not read npm's config for that, and no header download may be possible.
if [ -z "${npm_config_nodedir:-}" ]; then
  nodedir="$(npm config get nodedir 2>/dev/null || true)"
  if [ -z "$nodedir" ] || [ "$nodedir" = "undefined" ]; then
    prefix="$(dirname "$(dirname "$(command -v node)")")"
    [ -f "$prefix/include/node/node.h" ] && nodedir="$prefix"
  fi
  if [ -n "$nodedir" ] && [ "$nodedir" != "undefined" ]; then
    export npm_config_nodedir="$nodedir"
  fi
fi

export YARN_ENABLE_TELEMETRY=0

ensure_yarn() {
  if [ -f "$YARN_RELEASE" ]; then return; fi
  echo "Fetching Yarn $YARN_VERSION from the npm registry..."
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null)
  tar -xzf "$tmp"/yarnpkg-cli-dist-*.tgz -C "$tmp"
  mkdir -p "$(dirname "$YARN_RELEASE")"
  cp "$tmp/package/bin/yarn.js" "$YARN_RELEASE"
  rm -rf "$tmp"
}

yarn() {
  node "$YARN_RELEASE" "$@"
}

install_dependencies() {
  ensure_yarn
  (cd "$REPO_ROOT" && yarn install --immutable)
}
