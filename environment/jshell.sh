#!/bin/sh
# One-line JShell with DensityLab on the class path and the start-up imports (build first: mvn package -DskipTests).
# Usage: environment/jshell.sh [jshell options]
R="$(cd "$(dirname "$0")/.." && pwd)"; exec jshell -R-Djava.awt.headless=true -R-Dorg.bytedeco.javacpp.cachedir="${JAVACPP_CACHE:-$HOME/.cache/densitylab/javacpp}" --class-path "$R/target/classes:$(ls "$R"/target/lib/*.jar | paste -sd: -)" --startup DEFAULT --startup "$R/environment/densitylab.jsh" "$@"
