#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests and the
# page-weight benchmark. Idempotent: does nothing when it is already there.
# Playwright's own browser download does not work on our machines; the tests drive
# this Chromium through Playwright's executable_path instead.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: $CHROMIUM is missing and this is not root." >&2
  echo "  Install Debian's Chromium yourself:  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
  echo "  Without it the browser tests are skipped locally (and fail under CI=true)." >&2
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: $CHROMIUM is missing and there is no apt-get here; install Chromium by hand." >&2
  exit 0
fi

echo "install-browser: installing Debian's chromium (one time)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$CHROMIUM" --version
