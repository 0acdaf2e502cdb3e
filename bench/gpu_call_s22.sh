# GPU calls of session 22. Carry .whl.
# (the toy studies of issue 5 run with bench/gpu_call_s21.sh MODE=study)
# MODE=i8: issue 8. TrainConfig.grad_frames=4 against every frame with gradients (paper-size dynamic and SRFT steps,
#   twice each, plain priors), then bench/field_compile.py (the paper-size field eager against torch.compile).
. bench/gpu_common.sh
case $MODE in
i8)
  for r in a b; do
    step gf all_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false
    step gf four_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false --set grad_frames=4
  done
  bundle gf grad_frames.json
  echo "grad_frames done at $(( $(date +%s) - T0 )) s"
  (cd bench && timeout $(( $(left) - 15 )) python3 field_compile.py --iters 10 --out /tmp/field_compile.json 2>&1 | grep -v "Warn\|warn" | tail -30)
  cp /tmp/field_compile.json $OUT/ 2>/dev/null ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
