#!/usr/bin/env bash
# Installs the system packages the tests drive for real, from Debian's
# packages: Chromium for the browser tests, and Prometheus (prometheus and
# promtool) for live alert rules and telemetry criteria. Does nothing when present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)

if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages present."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing ${missing[*]} and no apt-get to install them: install them by hand." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing ${missing[*]}..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
