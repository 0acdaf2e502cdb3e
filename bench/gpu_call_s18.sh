# GPU calls of session 18. Carry .whl. At most 8 files come back: each mode bundles its results.
# MODE=early: issue 8, early ray termination at paper size (bench/paper_step.py --opaque, --set early_stop=...).
# MODE=profile: issue 8, where the paper-size step's time goes once rays stop early (torch.profiler).
# MODE=spinstudy: issue 5, bench/toy_study.py variants; SETS='name:prompt indices:variants ...' (parallel studies).
# MODE=spinfield: issue 5, bench/spin_field_probe.py: every VARIANTS × PROMPTS (';'-separated) as its own process on one card.
T0=$(date +%s)
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
export PATH=/tmp/site/bin:$PATH PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True OMP_NUM_THREADS=1
left() { echo $(( ${BUDGET:-570} - ($(date +%s) - T0) )); }
case $MODE in
spinfield)
  rm -rf /tmp/sf /tmp/sf_*.log; mkdir -p /tmp/sf; IFS=';' read -ra PS <<< "${PROMPTS:-a yellow sphere spinning;a green cone spinning}"
  for p in "${PS[@]}"; do
    for v in ${VARIANTS:-base nofps lr10 tlr10 tres16 noreg trand mse}; do  # combinations with +
      n=$(echo "$p" | cut -d' ' -f2-3 | tr ' ' _)_$v
      timeout $(( $(left) - 15 )) python3 bench/spin_field_probe.py /tmp/sf/$n.json --steps ${STEPS:-400} --prompt "$p" --variant $v \
        > /tmp/sf_$n.log 2>&1 &
    done
  done; wait
  for f in /tmp/sf_*.log; do echo "== $f"; grep -v "Warn\|warn" $f | tail -2; done
  python3 -c "
import json, glob, torch
json.dump({f.split('/')[-1][:-5]: json.load(open(f)) for f in sorted(glob.glob('/tmp/sf/*.json'))}, open('$OUT/spinfield.json', 'w'), indent=1)
torch.save({f.split('/')[-1][:-3]: torch.load(f) for f in sorted(glob.glob('/tmp/sf/*.pt'))}, '$OUT/spinfield_clips.pt')"
  echo "total $(( $(date +%s) - T0 )) s" ;;
early)  # issue 8: early ray termination: the paper-size dynamic and SRFT (batch 1) steps at 10.5 % occupancy, opaque ball or not
  for v in opaque:0 opaque:1e-4 fog:1e-4; do
    S=$(date +%s); op=""; [ ${v%%:*} = opaque ] && op="--opaque ${TAU:-50}"; n=${v/:/_}
    (cd bench && timeout $(( $(left) - 20 )) python3 paper_step.py --stages dynamic,srft --set srft_batch=1 --set early_stop=${v#*:} --no-breakdown \
       --iters ${IT:-3} --warmup 1 --occupied 0.105 $op --out /tmp/early_$n.json > /tmp/early_$n.log 2>&1)
    echo "$v rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|^| srft\|rror" /tmp/early_$n.log | head -4
  done
  python3 -c "
import json, glob
json.dump({f.split('/')[-1][:-5]: json.load(open(f)) for f in sorted(glob.glob('/tmp/early_*.json'))}, open('$OUT/early.json', 'w'), indent=1)" ;;
spinstudy)  # issue 5: the full method with time_lr_scale=10 (and guidance 7.5) on the 4 spinning prompts; tlr10 on 4 others
  for v in ${SETS:-spin:0,5,7,11:tlr10,tlr10_g7 other:1,2,4,10:tlr10}; do
    IFS=: read n pick vars <<< "$v"
    python3 bench/toy_study.py --out /tmp/ss_$n --pick $pick --variants $vars --parallel ${PAR:-8} --preset fast --set srft_batch=1 \
       --deadline $(( $(left) - 30 )) > /tmp/ss_$n.txt 2>&1 &
  done; wait
  for v in ${SETS:-spin:0,5,7,11:tlr10,tlr10_g7 other:1,2,4,10:tlr10}; do n=${v%%:*}; grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -14; mkdir -p $OUT/ss_$n; cp /tmp/ss_$n/study.json /tmp/ss_$n/study.md /tmp/ss_$n/sheet_*.png $OUT/ss_$n/; done ;;
chunks)  # issue 8: rays per recomputed chunk and plane copies; CHUNKS='chunk:copies:scene:early_stop ...', scene: opaque
          # (10.5 % ball, rays stop), fog (10.5 % ball, fresh density) or fresh (fresh field, every cell occupied)
  for v in ${CHUNKS:-4096:64:opaque:1e-4 32768:64:opaque:1e-4 32768:8:opaque:1e-4 32768:1:opaque:1e-4}; do
    S=$(date +%s); IFS=: read ch cp sc es <<< "$v"; n=${v//:/_}
    sa="--occupied 0.105 --opaque 50"; [ $sc = fog ] && sa="--occupied 0.105"; [ $sc = fresh ] && sa=""
    (cd bench && timeout $(( $(left) - 20 )) python3 paper_step.py --stages dynamic,srft --set srft_batch=1 --set early_stop=$es \
       --set grad_chunk=$ch --set "field={\"grad_copies\": $cp}" --no-breakdown --iters ${IT:-3} --warmup 1 $sa \
       --out /tmp/chunk_$n.json > /tmp/chunk_$n.log 2>&1)
    echo "$v rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|^| srft\|rror" /tmp/chunk_$n.log | head -4
  done
  python3 -c "
import json, glob
json.dump({f.split('/')[-1][:-5]: json.load(open(f)) for f in sorted(glob.glob('/tmp/chunk_*.json'))}, open('$OUT/chunks.json', 'w'), indent=1)" ;;
profile)  # issue 8: torch.profiler tables of the paper-size dynamic and SRFT (batch 1) steps, opaque 10.5 % ball, early_stop 1e-4
  (cd bench && timeout $(( $(left) - 10 )) python3 paper_step.py --stages ${STAGES:-dynamic,srft} --set srft_batch=1 --set early_stop=1e-4 \
     --no-breakdown --iters 3 --warmup 1 --occupied 0.105 --opaque 50 --profile --out $OUT/profile.json > /tmp/profile.log 2>&1)
  echo "profile rc=$?"; grep -v "Warn\|warn" /tmp/profile.log | grep "^| dynamic\|^| srft\|Self CUDA\|^ \+aten\|^ \+void\|Name\|rror" | cut -c1-150 | head -60 ;;
esac
