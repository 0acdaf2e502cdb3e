# Helpers of the device calls (sourced by bench/gpu_call_s20.sh and later): the card, the environment, the time left,
# one paper-size step (`step`) and the bundling of its results (`bundle`). At most 8 files come back from a call.
T0=$(date +%s)
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
export PATH=/tmp/site/bin:$PATH PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True OMP_NUM_THREADS=1
left() { echo $(( ${BUDGET:-570} - ($(date +%s) - T0) )); }
# step PREFIX NAME STAGES ITERS WARMUP [paper_step args]: one paper-size run (SRFT at batch 1, opaque 10.5 % ball; STAGES
# and IT override the mode's stages and iterations) into /tmp/PREFIX_NAME.json; bundle PREFIX FILE: all of them in $OUT/FILE
step() { p=$1 n=$2 st=$3 it=$4 w=$5; shift 5; S=$(date +%s)
  (cd bench && timeout $(( $(left) - 20 )) python3 paper_step.py --stages ${STAGES:-$st} --set srft_batch=1 --no-breakdown \
     --iters ${IT:-$it} --warmup $w --occupied 0.105 --opaque 50 "$@" --out /tmp/${p}_$n.json > /tmp/${p}_$n.log 2>&1)
  echo "$n rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|^| srft\|rror" /tmp/${p}_$n.log | head -4; }
bundle() { python3 -c "
import json, glob
json.dump({f.split('/')[-1][:-5]: json.load(open(f)) for f in sorted(glob.glob('/tmp/$1_*.json'))}, open('$OUT/$2', 'w'), indent=1)"; }
# study NAME [toy_study args]: a `fast` study in the background into /tmp/ss_NAME, its tables and sheets in $OUT/ss_NAME,
# its log in /tmp/ss_NAME.txt (sessions 26 and 27; `wait` for them)
study() { n=$1; shift; rm -rf /tmp/ss_$n   # NB: a warm machine keeps /tmp
  python3 bench/toy_study.py --out /tmp/ss_$n --report-to $OUT/ss_$n --preset fast --set srft_batch=1 \
    --deadline $(( $(left) - 30 )) "$@" > /tmp/ss_$n.txt 2>&1 & }
