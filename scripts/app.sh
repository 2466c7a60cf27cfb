#!/usr/bin/env bash
# Set up (first time only) and run the app: http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh runtime
exec .venv/bin/streamlit run app.py "$@"
