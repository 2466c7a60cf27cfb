#!/usr/bin/env bash
# Set up (first time only) and run the app: http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh runtime
# Without a CJK font every Korean glyph is an empty box in a local browser: install one where we can.
korean_fonts=$(fc-list :lang=ko 2>/dev/null || true)
if [ -z "$korean_fonts" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Korean fonts (fonts-noto-cjk) so Hangul is not drawn as empty boxes..."
  apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null
fi
exec .venv/bin/streamlit run app.py "$@"
