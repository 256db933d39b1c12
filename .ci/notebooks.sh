#!/usr/bin/env bash
# Headless notebook checks for CI (issue 4); .ci/run calls this after the Maven tests.
#
# What it installs (Debian packages, only those missing, with apt-get as root):
#   jupyter-notebook python3-notebook python3-nbclient jupyter-nbconvert python3-nbconvert
#   python3-jupyter-client jupyter-client python3-jupyter-kernel-test   (Jupyter, nbconvert, kernel tests)
#   fonts-dejavu-core fontconfig                                         (text in headless XChart PNGs)
# What it does:
#   1. builds target/densitylab-*-kernel.jar and target/lib if missing or older than src/ (mvn package -DskipTests);
#   2. installs the kernelspec "java" into target/jupyter (a prefix inside the workspace; nothing is
#      written to the user's Jupyter folders) with Binder's settings (binder/kernel-options.sh:
#      768 MB heap, 512 MB off-heap, C1-only JIT);
#   3. runs the jupyter_kernel_test suite src/test/python/test_kernel.py against it, and checks that the committed
#      notebooks are valid nbformat with cell ids and outputs, each under 2 MB (check_committed_notebooks.py);
#   4. executes every notebooks/*.ipynb with `jupyter nbconvert --execute` in quick mode
#      (DENSITYLAB_QUICK=1) under those Binder settings, failing on the first cell error; executed copies
#      go to target/notebooks (a scratch folder: the committed notebooks are not touched).
# Uses /usr/bin/python3: the python3 first on PATH here is pyenv's and cannot see Debian's modules.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3

need=()
for pkg in jupyter-notebook python3-notebook python3-nbclient jupyter-nbconvert python3-nbconvert \
           python3-jupyter-client jupyter-client python3-jupyter-kernel-test fonts-dejavu-core fontconfig; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ((${#need[@]})); then
  echo "notebooks.sh: installing ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

shopt -s nullglob
jars=(target/densitylab-*-kernel.jar)
if ((${#jars[@]} == 0)) || [[ ! -d target/lib ]] || [[ -n "$(find src pom.xml -newer "${jars[0]}" -print -quit)" ]]; then
  mvn -B -q package -DskipTests
  jars=(target/densitylab-*-kernel.jar)
fi
KJAR=${jars[0]}

# Jupyter state stays inside the workspace.
export JUPYTER_DATA_DIR=$ROOT/target/jupyter/data
export JUPYTER_RUNTIME_DIR=$ROOT/target/jupyter/runtime
export JUPYTER_CONFIG_DIR=$ROOT/target/jupyter/config
export JUPYTER_PATH=$ROOT/target/jupyter/share/jupyter
export PYDEVD_DISABLE_FILE_VALIDATION=1
mkdir -p "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_CONFIG_DIR"

# Binder's memory settings (binder/kernel-options.sh, as binder/postBuild installs them): a notebook that
# does not fit Binder's ~2 GB fails here.
source binder/kernel-options.sh
java -jar "$KJAR" kernel install --prefix "$ROOT/target/jupyter" --name java \
  --display-name "Java (DensityLab, CI with Binder's settings)" "${BINDER_KERNEL_OPTIONS[@]}" \
  --javacpp-cache "${JAVACPP_CACHE:-$HOME/.cache/densitylab/javacpp}"

echo "== jupyter_kernel_test: src/test/python/test_kernel.py"
(cd src/test/python && "$PY" -m unittest -v test_kernel 2>&1 | grep -vE "^(INFO|[A-Z][a-z]{2} [0-9]+, 20)" ) \
  || { echo "kernel protocol tests failed"; exit 1; }

echo "== committed notebooks: valid nbformat, cell ids, outputs, under 2 MB (src/test/python/check_committed_notebooks.py)"
"$PY" -W ignore src/test/python/check_committed_notebooks.py || { echo "remake them: environment/notebooks-with-outputs.sh"; exit 1; }

echo "== nbconvert --execute (quick mode)"
mkdir -p target/notebooks
failed=0
for nb in notebooks/*.ipynb; do
  start=$(date +%s)
  if DENSITYLAB_QUICK=1 "$PY" -m nbconvert --to notebook --execute \
       --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=1200 \
       --output-dir target/notebooks "$nb" >"target/notebooks/$(basename "$nb" .ipynb).nbconvert.log" 2>&1; then
    echo "ok      $nb ($(( $(date +%s) - start )) s)"
  else
    echo "FAILED  $nb; nbconvert said:"; tail -40 "target/notebooks/$(basename "$nb" .ipynb).nbconvert.log"
    failed=$((failed + 1))
  fi
done
total=$(ls notebooks/*.ipynb | wc -l)
echo "notebooks: $((total - failed)) passed, $failed failed"
exit $((failed > 0))
