# GPU calls of session 19. Carry .whl. At most 8 files come back: each mode bundles its results.
# MODE=march: issue 8, the visibility pass marching occupied samples in segments (chapter 04) against the previous commit's
#   one-pass version (its package copied to bench/old/ for the call, not committed); RUNS='name:code:scene ...', code
#   new|old, scene opaque|fog; paper size, dynamic and SRFT (batch 1), grad_chunk 32768, early_stop 1e-4.
# MODE=levers: the MLP in bf16 (HexPlaneConfig.mlp_dtype, now the paper preset's) against float32, and compiled priors
#   (TrainConfig.compile_priors) on top; paper size, dynamic and SRFT (batch 1), opaque 10.5 % ball.
# MODE=mlp: bench/mlp_dtype.py, then fp32 / bf16 MLP paper-size steps twice each at 10 iterations.
# MODE=compile: compiled priors (TrainConfig.compile_priors) against plain, STAGES (default srft) at IT iterations.
# MODE=packed: TrainConfig.packed_render against the dense compositing, twice each (COMPILE=false: plain priors, faster to start).
# MODE=profile: torch.profiler tables of the paper-size steps (STAGES), opaque 10.5 % ball, early_stop 1e-4.
. bench/gpu_common.sh   # the card, the environment, left, step and bundle
case $MODE in
march)
  for v in ${RUNS:-new:new:opaque old:old:opaque new_fog:new:fog}; do
    S=$(date +%s); IFS=: read n code sc <<< "$v"
    sa="--occupied 0.105 --opaque 50"; [ $sc = fog ] && sa="--occupied 0.105"
    pp=$PYTHONPATH; [ $code = old ] && pp=/tmp/site:$PWD/bench/old
    (cd bench && PYTHONPATH=$pp timeout $(( $(left) - 20 )) python3 paper_step.py --stages ${STAGES:-dynamic,srft} --set srft_batch=1 \
       --set early_stop=1e-4 --set grad_chunk=32768 --no-breakdown --iters ${IT:-3} --warmup 1 $sa $EXTRA --out /tmp/march_$n.json > /tmp/march_$n.log 2>&1)
    echo "$v rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|^| srft\|rror" /tmp/march_$n.log | head -4
  done
  bundle march march.json
  for f in /tmp/march_*.log; do echo "== $f"; grep "Self CUDA\|^ \+aten\|^ \+void\|Name\|ms_per" $f | cut -c1-150 | head -40; done ;;
levers)
  step lev fp32mlp dynamic,srft 3 1 --set 'field={"grad_copies": 64, "mlp_dtype": "float32"}'
  step lev bf16mlp dynamic,srft 3 1
  step lev bf16mlp_compile dynamic,srft 3 2 --set compile_priors=true
  tail -5 /tmp/lev_bf16mlp_compile.log | cut -c1-300
  bundle lev levers.json ;;
mlp)  # the bf16 MLP alone (bench/mlp_dtype.py), then the paper-size steps at more iterations, fp32 and bf16 twice each
  mkdir -p /tmp/micro; (cd bench && timeout 120 python3 mlp_dtype.py --out /tmp/micro/mlp_dtype.json 2>&1 | grep -v Warn); cp /tmp/micro/mlp_dtype.json $OUT/
  for r in a b; do step mlp fp32_$r dynamic,srft 10 2 --set 'field={"grad_copies": 64, "mlp_dtype": "float32"}'; step mlp bf16_$r dynamic,srft 10 2; done
  bundle mlp mlp_steps.json ;;
compile)  # compiled priors against plain ones, SRFT (and STAGES) at more iterations, in one call
  step cmp plain srft 8 2; step cmp compiled srft 8 3 --set compile_priors=true
  bundle cmp compile.json ;;
packed)  # TrainConfig.packed_render (chapter 04: composite only the evaluated samples) against the dense layout, twice each
  for r in a b; do
    step pk dense_$r dynamic,srft 8 3 --set compile_priors=${COMPILE:-false}
    step pk packed_$r dynamic,srft 8 3 --set packed_render=true --set compile_priors=${COMPILE:-false}
  done
  bundle pk packed.json ;;
profile)  # where the time goes now: torch.profiler tables of the paper-size steps (the paper preset: 32768-ray chunks, early_stop 1e-4)
  (cd bench && timeout $(( $(left) - 10 )) python3 paper_step.py --stages ${STAGES:-dynamic,srft} --set srft_batch=1 \
     --prof-iters 3 --iters 3 --warmup 1 --occupied 0.105 --opaque 50 --profile $EXTRA --out /tmp/profile.json > /tmp/profile.log 2>&1)
  echo "profile rc=$?"; cp /tmp/profile.json /tmp/profile.log $OUT/
  grep -v "Warn\|warn" /tmp/profile.log | grep "^| dynamic\|^| srft\|Self CUDA\|^ \+aten\|^ \+void\|Name\|rror" | cut -c1-150 | head -70 ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
