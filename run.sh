#!/usr/bin/env bash
# DensityLab main command. On a fresh Debian machine it installs what is missing (JDK 17, Maven, Debian's
# Jupyter), builds the project, installs the Jupyter kernel "Java (DensityLab)" for this user, and then
#   ./run.sh                   opens the notebooks in Jupyter (a browser tab; Ctrl-C stops the server);
#                              as root too (containers, cloud VMs: the server gets --allow-root)
#   ./run.sh --no-browser [JUPYTER OPTIONS]
#                              the same server without opening a browser (remote machines, CI)
#   ./run.sh --headless [--quick]
#                              executes every notebook without a browser and writes the executed copies and
#                              an HTML report to results/local/notebooks/ (--quick: the small CI configuration)
#   ./run.sh dataset ...       any other densitylab command (dataset, info, bench, kernel, run-notebooks)
set -euo pipefail
cd "$(dirname "$0")"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# javac prints "Picked up JAVA_TOOL_OPTIONS: ..." as well when that variable is set: keep only the version line.
java_major() { javac -version 2>&1 | sed -nE 's/^javac ([0-9]+).*/\1/p' | head -n 1 | grep . || echo 0; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

need=()
if ! command -v javac >/dev/null || [ "$(java_major)" -lt 17 ]; then need+=(openjdk-17-jdk-headless); fi
command -v mvn >/dev/null || need+=(maven)
if [ "${1:-}" = "" ] || [ "${1:-}" = --no-browser ]; then
  for p in jupyter-notebook python3-notebook jupyter-nbconvert python3-nbclient fonts-dejavu-core; do
    installed "$p" || need+=("$p")
  done
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "run.sh: installing ${need[*]} with apt-get"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# The build puts three native ND4J builds in target/lib (generic, oneDNN with AVX2, oneDNN with AVX-512); the
# program picks the fastest this CPU runs and prints which. DENSITYLAB_ND4J=generic|onednn-avx2|onednn-avx512
# forces one (docs/performance.md).
if ! ls target/densitylab-*-kernel.jar >/dev/null 2>&1 || [ -n "$(find src pom.xml -newer target/classpath.txt -print -quit 2>/dev/null)" ] \
    || ! ls target/lib/nd4j-native-*-linux-x86_64-onednn-avx512.jar target/lib/nd4j-native-*-linux-x86_64-onednn-avx2.jar \
            target/lib/nd4j-native-*-linux-x86_64.jar >/dev/null 2>&1; then
  rm -f target/lib/nd4j-native-*-linux-x86_64*.jar   # a -P build of one native library may have left others out
  mvn -B -q -ntp -Dstyle.color=never package -DskipTests
  touch target/classpath.txt   # Maven leaves it alone when the class path is unchanged: mark this build as current
fi
jar=""
for j in target/densitylab-*.jar; do
  case "$j" in *-kernel.jar|*-sources.jar|*-javadoc.jar) ;; *) jar=$j ;; esac
done
[ -n "$jar" ] || { echo "run.sh: no target/densitylab-*.jar after the build" >&2; exit 1; }
run() { java -Xmx6g -Djava.awt.headless=true -cp "$jar:target/lib/*" org.densitylab.cli.Main "$@"; }

case "${1:-}" in
  "") run notebooks ;;
  --no-browser) run notebooks "$@" ;;
  --headless) shift; run kernel install --user >/dev/null; run run-notebooks "$@" ;;
  *) run "$@" ;;
esac
