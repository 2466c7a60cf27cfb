#!/usr/bin/env bash
# Set up (first time only) and run every test: unit, viz, AppTest and browser tests.
# Browser tests use Debian's Chromium (/usr/bin/chromium) or Playwright's own browser.
# Without either they are skipped with one line, except under CI=true, where that is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and CJK fonts (Debian packages) for the browser tests..."
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing HAProxy (Debian package) for the serve-class browser test..."
  apt-get update -qq && apt-get install -y -qq haproxy >/dev/null
fi
# Tests run in parallel workers (pytest-xdist), one per core up to four; each browser-test worker starts its
# own server and browser; an idle worker takes tests queued for a busy one (worksteal), so the browser
# tests at the end are shared too. Pass -n 0 to run in one process (e.g. to use a debugger).
exec .venv/bin/python -m pytest -n auto --maxprocesses 4 --dist worksteal "$@"
