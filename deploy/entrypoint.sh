#!/bin/sh
# Container entry: Streamlit on $PORT for every interface; with DL_WARM=1 the warm-up is kicked
# once the health check answers (Streamlit runs app.py only when a session opens: ui/warm.py).
set -eu
if [ "${DL_WARM:-0}" = 1 ]; then
  python -m ui.warm --kick "http://127.0.0.1:${PORT}" >/dev/null 2>&1 &
fi
exec python -m streamlit run app.py \
  --server.port "${PORT}" --server.address 0.0.0.0 --server.headless true \
  --server.fileWatcherType none --browser.gatherUsageStats false \
  --server.maxCacheDataSize "${DL_CACHE_DATA_MAX}"
