#!/usr/bin/env bash
# CI: the README's main command as a new user meets it on a container or cloud VM: ./run.sh, run as root,
# headless. It starts Jupyter with --no-browser on a free localhost port, polls the server's HTTP API
# (GET /api) until it answers, then stops the server. Fails if the server exits or does not answer
# within MAIN_COMMAND_TIMEOUT seconds (default 300; the first run may build the project).
# .ci/run calls it; run it as root to check the root path (as another user it checks that user's path).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
limit=${MAIN_COMMAND_TIMEOUT:-300}
mkdir -p target/ci
log=target/ci/main-command.log
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

echo "main command: ./run.sh --no-browser --ip=127.0.0.1 --port=$port as uid $(id -u) (log: $log)"
setsid ./run.sh --no-browser --ip=127.0.0.1 --port="$port" >"$log" 2>&1 &
pid=$!
stop() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
trap stop EXIT

start=$(date +%s)
while :; do
  if answer=$("$PY" -c 'import sys, urllib.request
print(urllib.request.urlopen("http://127.0.0.1:%s/api" % sys.argv[1], timeout=5).read().decode())' "$port" 2>/dev/null); then
    echo "main command: the server answers after $(( $(date +%s) - start )) s: $answer"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "main command FAILED: ./run.sh exited before the server answered; its output:"; tail -40 "$log"; exit 1
  fi
  if (( $(date +%s) - start > limit )); then
    echo "main command FAILED: no answer from the server within $limit s; its output:"; tail -40 "$log"; exit 1
  fi
  sleep 1
done
