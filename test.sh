#!/usr/bin/env bash
# DensityLab test command. On a fresh Debian machine it installs what the build needs (JDK 17, Maven),
# then runs every test with Maven. Extra arguments go to Maven (e.g. ./test.sh -Dtest=ConventionsTest).
set -euo pipefail
cd "$(dirname "$0")"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
java_major() { javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/'; }

need=()
if ! command -v javac >/dev/null || [ "$(java_major)" -lt 17 ]; then need+=(openjdk-17-jdk-headless); fi
command -v mvn >/dev/null || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} with apt-get"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# The tests load the fastest native ND4J build this CPU runs, as the program does, and print which;
# DENSITYLAB_ND4J=generic|onednn-avx2|onednn-avx512 forces one (docs/performance.md).
# One OpenMP thread is several times faster than two on a shared 2-core machine (see docs).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec mvn -B -ntp verify "$@"
