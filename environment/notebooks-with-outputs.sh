#!/usr/bin/env bash
# Executes the notebooks in quick mode and writes them back WITH their outputs (tables as HTML, plots as PNG, cell
# ids, nbformat 4.5), so GitHub shows them; the committed full-data results under results/ appear in them as they are.
# Usage: environment/notebooks-with-outputs.sh [notebooks/NAME.ipynb ...]     (default: every notebook)
# It is `densitylab run-notebooks --quick --in-place` (docs/kernel.md) from a fresh scratch results folder:
# ./run.sh builds first if needed; what the notebooks compute goes to target/notebook-results (named relative to
# notebooks/, so no output shows an absolute path), the executed copies, logs and report to target/notebook-run.
# A notebook that fails, or would be over 2 MB, is not written back and keeps its previous content.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/notebook-results    # a fresh start: no notebook resumes a previous run's checkpoints
(($#)) || set -- notebooks
exec ./run.sh run-notebooks --quick --in-place --env DENSITYLAB_RESULTS=../target/notebook-results \
  --out target/notebook-run "$@"
