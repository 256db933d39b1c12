#!/usr/bin/env bash
# Executes the notebooks in quick mode and writes them back WITH their outputs (tables as HTML, plots as PNG), so
# GitHub shows them; the committed full-data results under results/ appear in them as they are.
# Usage: environment/notebooks-with-outputs.sh [notebooks/NAME.ipynb ...]     (default: every notebook)
# Needs Debian's Jupyter (./run.sh installs it). Uses the kernelspec the way .ci/notebooks.sh installs it (inside
# target/jupyter, nothing in the user's Jupyter folders); the notebooks' own results go to target/notebook-results.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3
shopt -s nullglob
jars=(target/densitylab-*-kernel.jar)
if ((${#jars[@]} == 0)) || [[ ! -d target/lib ]] || [[ -n "$(find src pom.xml -newer "${jars[0]}" -print -quit)" ]]; then
  echo "notebooks-with-outputs.sh: building (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests
  jars=(target/densitylab-*-kernel.jar)
fi
"$PY" -c "import nbconvert" 2>/dev/null || { echo "notebooks-with-outputs.sh: Debian's nbconvert is missing; run ./run.sh once or apt-get install jupyter-nbconvert python3-nbclient" >&2; exit 1; }

export JUPYTER_DATA_DIR=$ROOT/target/jupyter/data JUPYTER_RUNTIME_DIR=$ROOT/target/jupyter/runtime
export JUPYTER_CONFIG_DIR=$ROOT/target/jupyter/config JUPYTER_PATH=$ROOT/target/jupyter/share/jupyter
export PYDEVD_DISABLE_FILE_VALIDATION=1 DENSITYLAB_QUICK=1 OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export DENSITYLAB_RESULTS=../target/notebook-results    # relative to notebooks/, so outputs show no absolute paths
rm -rf target/notebook-results                         # a fresh start: no run resumes a previous one's checkpoints
mkdir -p "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_CONFIG_DIR"
java -jar "${jars[0]}" kernel install --prefix "$ROOT/target/jupyter" --name java --display-name "Java (DensityLab, CI)" \
  --heap 2g --offheap 2g --fast-start --javacpp-cache "${JAVACPP_CACHE:-$HOME/.cache/densitylab/javacpp}" >/dev/null

notebooks=("$@")
((${#notebooks[@]})) || notebooks=(notebooks/*.ipynb)
failed=0
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  log=target/notebook-results/$(basename "$nb" .ipynb).log
  mkdir -p target/notebook-results
  if "$PY" -m nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=java \
       --ExecutePreprocessor.timeout=1200 --ExecutePreprocessor.record_timing=False "$nb" >"$log" 2>&1; then
    size=$(stat -c %s "$nb")
    echo "ok      $nb ($(( $(date +%s) - start )) s, $(( size / 1024 )) KB)"
    if (( size > 2000000 )); then echo "TOO BIG $nb: over 2 MB; show fewer or smaller outputs"; failed=$((failed + 1)); fi
  else
    echo "FAILED  $nb; nbconvert said:"; tail -30 "$log"; failed=$((failed + 1))
  fi
done
exit $((failed > 0))
