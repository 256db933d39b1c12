#!/bin/sh
# JShell with DensityLab on the class path and the start-up imports of environment/densitylab.jsh.
# Usage: environment/jshell.sh [jshell options]      (build first: mvn -B -q package -DskipTests, or ./run.sh)
R="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -d "$R/target/classes" ] || [ ! -d "$R/target/lib" ] || ! ls "$R"/target/lib/*.jar >/dev/null 2>&1; then
  echo "jshell.sh: DensityLab is not built yet ($R/target/classes and $R/target/lib are missing)." >&2
  echo "Build it first, in $R:  mvn -B -q package -DskipTests   (or ./run.sh, which also installs Java and Maven)" >&2
  exit 1
fi
if ! command -v jshell >/dev/null 2>&1; then
  echo "jshell.sh: jshell is not on the PATH; install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)." >&2
  exit 1
fi
CP="$R/target/classes:$(ls "$R"/target/lib/*.jar | paste -sd: -)"
exec jshell -R-Djava.awt.headless=true -R-Dorg.bytedeco.javacpp.cachedir="${JAVACPP_CACHE:-$HOME/.cache/densitylab/javacpp}" \
  --class-path "$CP" --startup DEFAULT --startup "$R/environment/densitylab.jsh" "$@"
