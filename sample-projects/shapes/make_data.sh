#!/usr/bin/env bash
# Regenerates data/ (300 PNGs + shapes.csv) deterministically. Needs only a JDK (11 or later).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
rm -rf data/images data/shapes.csv
java -Djava.awt.headless=true MakeShapes.java
echo "wrote $(find data/images -name '*.png' | wc -l) images and data/shapes.csv"
