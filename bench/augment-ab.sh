#!/usr/bin/env bash
# Interleaved A/B of the augmenter benchmark: a git revision (A) against the working tree (B), in
# one JVM, for noisy machines (see AugmenterAbRun). Builds A in a temporary git worktree.
# Usage: bench/augment-ab.sh REV [TRANSFORM,...] [ROUNDS] [MICROS_PER_ROUND]
#   e.g. bench/augment-ab.sh main HorizontalFlip,Grayscale 300 3000
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rev="${1:?usage: bench/augment-ab.sh REV [TRANSFORM,...] [ROUNDS] [MICROS_PER_ROUND]}"
transforms="${2:-HorizontalFlip,Grayscale,BrightnessContrast,PadToSize512,RandomCrop64}"
rounds="${3:-1000}"
micros="${4:-3000}"
work="$(mktemp -d)"
trap 'git worktree remove --force "$work/a" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/a" "$rev"
build() { # $1 = source tree, $2 = output folder
  (cd "$1" && mvn -B -q -pl engine test-compile dependency:build-classpath -Dspotless.check.skip=true \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
  mkdir -p "$2" && cp -r "$1/engine/target/classes" "$1/engine/target/test-classes" "$2/"
}
build "$work/a" "$work/A"
build "$here" "$work/B"
echo "A = $rev, B = working tree; $(uptime | sed 's/.*load/load/')"
# only the runner itself on the class path: the engine comes through each build's own loader
mkdir -p "$work/runner/dev/musket/engine/bench"
cp "$work/B/test-classes/dev/musket/engine/bench/AugmenterAbRun.class" "$work/runner/dev/musket/engine/bench/"
# one JVM per transform, as JMH forks per parameter: transforms sharing a JVM share the JIT's
# profiles (the table augmenters ran 15-20% slower beside each other than alone)
IFS=, read -ra names <<<"$transforms"
for name in "${names[@]}"; do
  OPENCV_FOR_THREADS_NUM=1 java -XX:+UseParallelGC \
    -cp "$work/runner:$(cat engine/target/bench.classpath)" \
    dev.musket.engine.bench.AugmenterAbRun "$work/A,$work/B" "$name" "$rounds" "$micros"
done
echo "$(uptime | sed 's/.*load/load/')"
