# GPU calls of session 17 (issue 9, image-to-4D). Carry .whl.
# MODE=encoder: train the toy image encoder against the bundled toy prior (mav3d_train_image_encoder), measure it.
# MODE=study: copy a trained encoder (ENC=folder) into mav3d/weights, then image-to-4D on the 12 study prompts
#             (bench/toy_study.py --image: one ground-truth frame each), 12 processes on one card.
T0=$(date +%s)
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
export PATH=/tmp/site/bin:$PATH PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True
left() { echo $(( ${BUDGET:-570} - ($(date +%s) - T0) )); }
case $MODE in
encoder)
  rm -rf /tmp/enc
  timeout $(( $(left) - 10 )) python3 -c "from mav3d.image4d import train_image_encoder_cli as f; f(out='/tmp/enc', minutes=${MIN:-6}, pool=${POOL:-4000}, batch=${BATCH:-32}, seed=${SEED:-0})" 2>&1 | grep -v "Warn\|warn" | tail -40
  mkdir -p $OUT/enc; cp /tmp/enc/* $OUT/enc/ ;;
study)
  [ -n "$ENC" ] && cp $ENC/toy_image_encoder.safetensors $ENC/toy_image_encoder.json mav3d/weights/
  python3 bench/toy_study.py --out /tmp/istudy --image --variants full --parallel 12 --preset fast --set srft_batch=1 \
     --deadline $(( $(left) - 30 )) > /tmp/istudy.txt 2>&1
  grep -v "Warn\|Loading" /tmp/istudy.txt | tail -25; mkdir -p $OUT/istudy
  cp /tmp/istudy/study.json /tmp/istudy/study.md /tmp/istudy/sheet_*.png $OUT/istudy/ 2>/dev/null
  for d in /tmp/istudy/full/*/; do n=$(basename $d); mkdir -p $OUT/istudy/$n; cp $d/summary.json $d/grid.png $d/input.png $OUT/istudy/$n/ 2>/dev/null; done ;;
spin_tv)  # issue 5: the spinning prompts without TV on the planes (seeds 0, 1) and with weaker video guidance (seed 0)
  for v in notv:0,1 g7:0; do
    n=${v%%:*}; python3 bench/toy_study.py --out /tmp/st_$n --pick 0,5,7,11 --variants $n --seeds ${v#*:} --parallel 8 --preset fast \
       --set srft_batch=1 --deadline $(( $(left) - 30 )) > /tmp/st_$n.txt 2>&1 &
  done; wait
  for n in notv g7; do grep -v "Warn\|Loading" /tmp/st_$n.txt | tail -12; mkdir -p $OUT/st_$n; cp /tmp/st_$n/study.json /tmp/st_$n/study.md /tmp/st_$n/sheet_*.png $OUT/st_$n/; done ;;
spin_camera)  # issue 5: is spin confused with the camera's orbit? the spinning prompts with one fixed camera per clip
  for v in fixed_camera:0,1 full:1; do
    n=${v%%:*}; python3 bench/toy_study.py --out /tmp/sc_$n --pick 0,5,7,11 --variants $n --seeds ${v#*:} --parallel 8 --preset fast \
       --set srft_batch=1 --deadline $(( $(left) - 30 )) > /tmp/sc_$n.txt 2>&1 &
  done; wait
  for n in fixed_camera full; do grep -v "Warn\|Loading" /tmp/sc_$n.txt | tail -12; mkdir -p $OUT/sc_$n; cp /tmp/sc_$n/study.json /tmp/sc_$n/study.md /tmp/sc_$n/sheet_*.png $OUT/sc_$n/; done ;;
occupancy)  # issue 8: the paper-size dynamic and SRFT (batch 1) steps at a trained scene's sparsity vs the fresh field
  for f in none 0.25 0.105; do
    S=$(date +%s); occ=""; [ $f != none ] && occ="--occupied $f"
    (cd bench && timeout $(( $(left) - 20 )) python3 paper_step.py --stages dynamic,srft --set srft_batch=1 --no-breakdown --iters ${IT:-3} \
       --warmup 1 $occ --out $OUT/paper_step_occ_$f.json > /tmp/occ_$f.log 2>&1)
    echo "occupied=$f rc=$? in $(( $(date +%s) - S ))s"; grep "^| dynamic\|^| srft\|rror" /tmp/occ_$f.log | head -4
  done ;;
srft_scale)  # issue 10: the paper-size SRFT step (global batch 8) on W = 4 and 2 GPUs, at the 10.5 % occupancy of a trained scene
  export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1  # NVLink multicast stays off (KINDS.md)
  for W in ${WS:-4 2}; do
    S=$(date +%s); timeout $(( $(left) - 15 )) python3 -m torch.distributed.run --nproc_per_node $W bench/paper_step.py --stages srft \
       --no-breakdown --iters 2 --warmup 1 --occupied 0.105 --out $OUT/paper_step_srft_w$W.json > /tmp/sr$W.log 2>&1
    echo "paper_step srft W=$W rc=$? in $(( $(date +%s) - S ))s"; grep "^| srft\|Error\|error" /tmp/sr$W.log | head -4
  done ;;
esac
echo "call took $(( $(date +%s) - T0 ))s"
