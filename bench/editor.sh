#!/usr/bin/env bash
# JMH: the editor's analysis of a 1,000-line config (highlighting; highlighting + the engine's
# validation + squiggles), as it runs off the FX thread after each typing pause.
# Usage: bench/editor.sh [JMH options]. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -pl app -am -DskipTests -Dspotless.check.skip package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/app/target/test.classpath" >&2
exec java -cp "app/target/test-classes:app/target/classes:$(cat app/target/test.classpath)" \
  org.openjdk.jmh.Main 'dev.musket.app.bench.EditorAnalysisBenchmark' "$@"
