# GPU calls of session 16. MODE=spin_ablation: the ablations on two harder prompts (8 runs) beside probes of the spin
# problem (4 runs), 12 processes on one card; the toy prior's own R-precision on all 12 study prompts. Carry .whl.
T0=$(date +%s)
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
export PATH=/tmp/site/bin:$PATH PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True
left() { echo $(( ${BUDGET:-570} - ($(date +%s) - T0) )); }
study() { # OUT_NAME PICK VARIANTS PAR [extra args]
  python3 bench/toy_study.py --out /tmp/$1 --pick $2 --variants $3 --parallel $4 --preset fast --set srft_batch=1 \
     --deadline $(( $(left) - 30 )) "${@:5}" > /tmp/$1.txt 2>&1
  grep -v "Warn\|Loading" /tmp/$1.txt | tail -20; mkdir -p $OUT/$1; cp /tmp/$1/study.json /tmp/$1/study.md /tmp/$1/sheet_*.png $OUT/$1/ 2>/dev/null; }
case $MODE in
spin_ablation)
  study ablation_hard ${PICK_A:-8,1} no_static,fixed_camera,no_annealing,no_srft 8 &
  study spin ${PICK_S:-7,11} g50,long 4 --prior-rprec
  wait ;;
lever)  # issue 8: where the render backward goes (per level, copies, MLP precision), then the paper dynamic step with the best copies
  (cd bench && timeout 150 python3 plane_grad.py --out $OUT/plane_grad.json 2>&1 | grep -v Warn)
  K=$(python3 -c "import json; r = json.load(open('$OUT/plane_grad.json'))['results']; print(min((v['fwd_bwd_ms'], int(k.split()[-1])) for k, v in r.items() if k.startswith('field copies'))[1])")
  [ "$K" = 1 ] && K=16
  for k in 1 $K; do
    S=$(date +%s); timeout 130 python3 bench/paper_step.py --stages dynamic --no-breakdown --iters 4 --warmup 2 --set "field={\"grad_copies\": $k}" \
       --out $OUT/paper_step_copies$k.json > /tmp/pk$k.log 2>&1
    echo "paper_step copies=$k rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|rror" /tmp/pk$k.log | head -3
  done ;;
determinism)  # the same toy run twice on one GPU (the run-to-run floor the multi-GPU comparison is judged by), beside spin probes
  study spin_long ${PICK_S:-7,11} long 2 &
  for i in a b; do
    rm -rf /tmp/D$i; S=$(date +%s); timeout 200 python3 bench/generate_main.py "${PROMPT:-a red cube bouncing}" --out /tmp/D$i --preset fast \
       --steps ${STEPS:-100,150,20} --set srft_batch=4 > /tmp/D$i.log 2>&1; echo "generate $i rc=$? in $(( $(date +%s) - S ))s"
  done
  python3 bench/multi_gpu_compare.py /tmp/Da /tmp/Db --out $OUT/determinism.json 2>&1 | tail -4
  wait ;;
multi)  # data parallel (issues 5, 10): the toy `fast` run on 1, 2, 4 GPUs, compared; the paper-size dynamic step on 1, 2, 4
  export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1  # NVLink multicast stays off (KINDS.md)
  for W in ${WORLDS:-1 2 4}; do
    rm -rf /tmp/W$W; S=$(date +%s); timeout ${TW:-150} python3 -m torch.distributed.run --nproc_per_node $W bench/generate_main.py "${PROMPT:-a red cube bouncing}" \
       --out /tmp/W$W --preset fast --steps ${STEPS:-100,150,20} --set srft_batch=4 > /tmp/W$W.log 2>&1
    echo "generate W=$W rc=$? in $(( $(date +%s) - S ))s"; grep -i "error" /tmp/W$W.log | head -3; cp /tmp/W$W/summary.json $OUT/summary_w$W.json
  done
  python3 bench/multi_gpu_compare.py $(for W in ${WORLDS:-1 2 4}; do echo /tmp/W$W; done) --out $OUT/multi_gpu.json 2>&1 | tail -6
  [ -n "$PAPER1" ] && {  # one GPU, paper size: static + dynamic with the breakdown, SRFT at 1/8 of the batch (one video) timed only
    S=$(date +%s); timeout 200 python3 bench/paper_step.py --stages static,dynamic --iters 5 --warmup 2 --prof-iters 4 --out $OUT/paper_step_w1.json > /tmp/p1.log 2>&1
    echo "paper_step static,dynamic rc=$? in $(( $(date +%s) - S ))s"; grep "^|" /tmp/p1.log | head -40
    S=$(date +%s); timeout 120 python3 bench/paper_step.py --stages srft --set srft_batch=1 --iters 3 --warmup 1 --no-breakdown --out $OUT/paper_step_srft_b1.json > /tmp/p2.log 2>&1
    echo "paper_step srft (batch 1) rc=$? in $(( $(date +%s) - S ))s"; grep "^| srft\|rror" /tmp/p2.log | head -4; }
  [ -n "$PAPER1" ] || for W in ${WORLDS:-1 2 4}; do
    S=$(date +%s); timeout ${TP:-140} python3 -m torch.distributed.run --nproc_per_node $W bench/paper_step.py --stages dynamic --no-breakdown \
       --iters ${ITERS:-5} --warmup 2 --out $OUT/paper_step_dyn_w$W.json > /tmp/ps$W.log 2>&1
    echo "paper_step W=$W rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|Error\|error" /tmp/ps$W.log | head -4
  done ;;
esac
ls -R $OUT | head -30; echo "call took $(( $(date +%s) - T0 ))s"
