#!/bin/bash
# Self-supervised training on each widefield field's noisy image alone, then Denoise with and without
# test-time augmentation (augment=false, and augment=true: Denoise's default); records wall time, training CPU time and the load while training.
# Score afterwards with:
#   $H run benchmark-denoise-pairs data=$DATA results=<name>/plain=runs/<name>/plain,<name>/tta=runs/<name>/tta
#
# usage: H=<hourglass launcher> widefield-run.sh <name> "<fields>" [denoise-train-n2v key=value ...]
# e.g.:  H=distribution/target/hourglass-0.1.0/bin/hourglass docs/benchmarks/widefield-run.sh cell4 "001 005" cell=4
set -u
H=${H:?set H to the hourglass launcher}
DATA=${DATA:-../shared/data/microscopy-pairs/widefield}
name=$1; fields=$2; shift 2
OUT=${RUNS:-runs}/$name
mkdir -p "$OUT/plain" "$OUT/tta"
echo "H=$H train: $*" >> "$OUT/args.txt"
for f in $fields; do
  ( while true; do echo "$(cut -d' ' -f1 /proc/loadavg)"; sleep 20; done ) > "$OUT/load_$f.txt" &
  sampler=$!
  start=$(date +%s.%N)
  /usr/bin/time -o "$OUT/cpu_$f.txt" -f "%e %U %S" "$H" run denoise-train-n2v input="$DATA/noisy_$f.tif" \
    modelfile="$OUT/model_$f.zip" overwrite=true "$@" > "$OUT/train_$f.log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  kill $sampler
  "$H" run denoise model="$OUT/model_$f.zip" input="$DATA/noisy_$f.tif" output="$OUT/plain/noisy_$f.tif" \
    augment=false > "$OUT/denoise_$f.log" 2>&1
  "$H" run denoise model="$OUT/model_$f.zip" input="$DATA/noisy_$f.tif" output="$OUT/tta/noisy_$f.tif" \
    augment=true >> "$OUT/denoise_$f.log" 2>&1
  load=$(awk '{s+=$1;n++} END {printf "mean load %.2f", s/n}' "$OUT/load_$f.txt")
  cpu=$(tail -1 "$OUT/cpu_$f.txt" | awk '{printf "%.0f", $2+$3}')
  echo "$f wall $(echo "$end - $start" | bc) s, training CPU $cpu s, $load, exit $rc" | tee -a "$OUT/times.txt"
done
