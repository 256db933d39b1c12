#!/usr/bin/env bash
# Remakes the committed reconstruction runs of this folder (reconstruct-*/ and runtime-sdp-*/) from their own
# command.txt, after training the two quick CDAE networks they use (not committed: weights are never committed).
#
#   results/marginals/remake-reconstruct.sh [JOBS]
#
# JOBS (default 1): how many commands run at once, one thread each. Each folder is removed and written anew by
# its command; the networks are trained only when target/cdae/<name>/ has no best checkpoint yet. Takes about
# 10 minutes for the networks and 10 more for the runs on one core of the development machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs="${1:-1}"
case "$jobs" in ''|*[!0-9]*|0) echo "remake-reconstruct.sh: JOBS must be a positive whole number, got '$jobs'" >&2; exit 2 ;; esac
export OMP_NUM_THREADS=1

train() {   # train OUT ARGS...: the quick networks of results/marginals/README.md
  local out=$1; shift
  if [ -f "$out/best.ckpt" ]; then
    echo "remake-reconstruct.sh: $out exists, not retrained"
  else
    ./run.sh marginals-train "$@" --out "$out"
  fi
}

# cases without a network first (they do not wait for the training), then those with one
commands() {
  for f in results/marginals/reconstruct-*/command.txt results/marginals/runtime-sdp-*/command.txt; do
    grep -m1 '^densitylab marginals-reconstruct' "$f"
  done
}
run_all() {   # run_all FILTER: every command whose line matches (grep -e) or does not match (grep -v -e) target/cdae
  commands | grep "$@" 'target/cdae' | while read -r line; do
    out=$(sed -E 's/.*--out ([^ ]+).*/\1/' <<<"$line")
    rm -rf "$out"
    printf '%s\n' "${line#densitylab }"
  done | xargs -P "$jobs" -I{} sh -c './run.sh {} >/dev/null'
}

./run.sh help >/dev/null   # builds once before the parallel runs
run_all -v -e &
without=$!
train target/cdae/N3k2-model1 --n 3 --k 2 --model model1 --samples 20000 --epochs 4 --lr 5e-4 --seed 1 --eval-samples 0
train target/cdae/N4k3-model1 --n 4 --k 3 --model model1 --samples 5000 --epochs 2 --lr 5e-4 --seed 1 --eval-samples 0 \
  --transfer-from target/cdae/N3k2-model1 --freeze encoder
wait "$without"
run_all -e
echo "remake-reconstruct.sh: done; see git diff --stat results/marginals"
