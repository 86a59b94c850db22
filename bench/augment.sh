#!/usr/bin/env bash
# JMH benchmarks of the data loader and of each augmenter (one thread = images/s per core).
# Usage: bench/augment.sh [JMH options, e.g. 'LoaderBenchmark' or '-p transform=Rotate']
# Results: bench/results/augment-<date>.txt (git-ignored); figures go to docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -pl engine test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
mkdir -p bench/results
out="bench/results/augment-$(date -u +%Y%m%dT%H%M%SZ).txt"
# OpenCV's own thread pool is limited to 1 so a JMH thread measures one core.
OPENCV_FOR_THREADS_NUM=1 java -XX:+UseParallelGC \
  -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.classpath)" \
  org.openjdk.jmh.Main -rf text -rff "$out" "${@:-dev.musket.engine.bench}"
echo "results: $out"
