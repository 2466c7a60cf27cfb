#!/usr/bin/env bash
# Serve a whole class: N Streamlit replicas behind HAProxy on one address.
#
#   scripts/serve-class.sh N [--port P] [--address A]     # default port 8501, address 0.0.0.0
#
# Students open http://<this machine>:P. HAProxy (Debian package `haproxy`) sends each browser to
# one replica and keeps it there with a cookie (DLREPLICA), passes the websocket through, checks
# every replica's /_stcore/health every 2 s, and moves the students of a replica that stopped
# answering to another one (their page reconnects and reruns with the same settings).
# Replicas listen on 127.0.0.1, ports P+1 .. P+N (--replica-port to start elsewhere);
# --print-config prints HAProxy's configuration and exits.
# Ctrl-C or SIGTERM stops HAProxy and every replica this script started.
#
# Environment: DL_WARM=1 (default here) fills every page's caches in the background after start
# (ui/warm.py); DL_CACHE_DATA_MAX (default 64mb, as .streamlit/config.toml) bounds st.cache_data in bytes per replica;
# SERVE_CLASS_RUN_DIR (default: a new temporary folder) receives haproxy.cfg, one log and one pid
# file per replica (replica-K.log, replica-K.pid) and haproxy.log.
# One replica is one Python process, and one process uses about one core for script runs:
# start as many replicas as the machine has cores (docs/benchmarks.md has the measured figures).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
replicas="$1"; shift
[[ "$replicas" =~ ^[1-9][0-9]*$ ]] || usage
port=8501
address=0.0.0.0
replica_port=""
print_config=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --address) address="$2"; shift 2 ;;
    --replica-port) replica_port="$2"; shift 2 ;;
    --print-config) print_config=1; shift ;;
    *) usage ;;
  esac
done
replica_port="${replica_port:-$((port + 1))}"

servers=""
for k in $(seq 1 "$replicas"); do
  servers+="    server r$k 127.0.0.1:$((replica_port + k - 1)) check cookie r$k"$'\n'
done
haproxy_config() {
  cat <<EOF
global
    maxconn 4096
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    option logasap
    option redispatch
    retries 3
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 2h
    timeout http-request 10s

frontend class
    bind $address:$port
    capture cookie DLREPLICA= len 12
    default_backend replicas

backend replicas
    balance leastconn
    cookie DLREPLICA insert indirect nocache httponly
    option httpchk GET /_stcore/health
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
$servers
EOF
}
if [ "$print_config" = 1 ]; then
  haproxy_config
  exit 0
fi

HAPROXY="${HAPROXY:-$(command -v haproxy || echo /usr/sbin/haproxy)}"
if [ ! -x "$HAPROXY" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing HAProxy (Debian package haproxy)..."
    apt-get update -qq && apt-get install -y -qq haproxy >/dev/null
    HAPROXY="$(command -v haproxy || echo /usr/sbin/haproxy)"
  else
    echo "HAProxy not found: install Debian's haproxy package (apt-get install haproxy)." >&2
    exit 1
  fi
fi
[ -x .venv/bin/python ] || scripts/setup.sh runtime

run_dir="${SERVE_CLASS_RUN_DIR:-$(mktemp -d -t serve-class.XXXXXX)}"
mkdir -p "$run_dir"
export DL_WARM="${DL_WARM:-1}"
# Fewer malloc arenas: each script thread otherwise keeps its own, and RSS grows with them.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# One secret for every replica: a browser moved to another replica keeps a valid XSRF cookie.
export STREAMLIT_SERVER_COOKIE_SECRET="${STREAMLIT_SERVER_COOKIE_SECRET:-$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')}"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping HAProxy and ${#pids[@]} processes..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

for k in $(seq 1 "$replicas"); do
  p=$((replica_port + k - 1))
  .venv/bin/python -m streamlit run app.py \
    --server.port "$p" --server.address 127.0.0.1 --server.headless true \
    --server.fileWatcherType none --browser.gatherUsageStats false \
    --server.maxCacheDataSize "${DL_CACHE_DATA_MAX:-64mb}" \
    >"$run_dir/replica-$k.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$run_dir/replica-$k.pid"
done

haproxy_config >"$run_dir/haproxy.cfg"
"$HAPROXY" -c -q -f "$run_dir/haproxy.cfg"
"$HAPROXY" -db -f "$run_dir/haproxy.cfg" >"$run_dir/haproxy.log" 2>&1 &
haproxy_pid=$!
pids+=("$haproxy_pid")
echo "$haproxy_pid" >"$run_dir/haproxy.pid"

# Streamlit runs app.py only when a session opens: open one per replica so the warm-up starts now.
if [ "$DL_WARM" = 1 ]; then
  for k in $(seq 1 "$replicas"); do
    .venv/bin/python -m ui.warm --kick "http://127.0.0.1:$((replica_port + k - 1))" >/dev/null 2>&1 &
    pids+=("$!")
  done
fi

shown="$address"; near="$address"
[ "$address" = 0.0.0.0 ] && shown=localhost && near=127.0.0.1
until .venv/bin/python -c "import urllib.request as u; u.urlopen('http://$near:$port/_stcore/health', timeout=2)" 2>/dev/null; do
  kill -0 "$haproxy_pid" 2>/dev/null || { echo "HAProxy stopped: see $run_dir/haproxy.log" >&2; exit 1; }
  sleep 1
done
echo "Serving $replicas replicas on http://$shown:$port (HAProxy; logs in $run_dir). Ctrl-C stops."
wait "$haproxy_pid"
