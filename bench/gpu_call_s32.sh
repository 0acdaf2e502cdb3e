# GPU calls prepared in session 31 for the next session. Carry .whl.
# MODE=tri: issue 8, the field's Triton backend (chapter 02a, `HexPlaneConfig(backend='triton')`) in a training step.
#   First chapter 02a's check on the card (`check_against_grid_sample`: the vector-atomic backward against
#   grid_sample), then the `paper` preset (session 31: interleaved, 256 copies) with backend torch and triton, twice
#   each, plain priors, opaque ball, SRFT at one video a step. Prediction (written before the call): the features'
#   forward+backward at 2^23 points fell 317 -> 73 ms in isolation (session 31); in the step grid_sample's backward is
#   smaller than that since the interleave and the copies (≈ 200 ms of the SRFT video step), and the visibility pass's
#   19.5 M forward evaluations gain too (46 -> 12 ms per 8.4 M): SRFT ≈ 0.90 -> ≈ 0.65 s (−25 %), dynamic ≈ 1.07 ->
#   ≈ 0.90 s (−15 %), peak memory within 2 GiB (the channels-last copies of the planes, ≈ 1 GB). If so, the `paper`
#   preset takes backend='triton'.
. bench/gpu_common.sh
case $MODE in
tri)
  timeout 150 python3 -c "import torch; from mav3d.planes_triton import check_against_grid_sample as c; print('02a check on the card:', c(torch.device('cuda')))" 2>&1 | tail -3
  for r in ${REPS:-a b}; do for v in ${KINDS:-torch triton}; do
    step tr ${v}_$r ${STAGES:-dynamic,srft} ${IT:-5} 2 --set compile_priors=false \
      --set "field={\"grad_copies\": 256, \"mlp_dtype\": \"bfloat16\", \"backend\": \"$v\"}"
  done; done
  bundle tr triton_backend.json ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
