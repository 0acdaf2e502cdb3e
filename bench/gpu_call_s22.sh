# GPU calls of session 22. Carry .whl.
# MODE=study: issue 5, bench/toy_study.py; SETS='name:prompt indices:variants[:seeds] ...' run side by side on the card.
#   Each set's study.json, study.md and sheets go straight into $OUT/ss_NAME after every finished run, so a call that is
#   killed keeps what finished. BUDGET must be under the call's real limit: the device budget left, not only 600 s (one
#   call of session 22 ran with 287 s of budget and BUDGET=540; it was killed at 259 s and brought nothing back).
# MODE=i8: issue 8. TrainConfig.grad_frames=4 against every frame with gradients (paper-size dynamic and SRFT steps,
#   twice each, plain priors), then bench/field_compile.py (the paper-size field eager against torch.compile).
# MODE=gf: only the grad_frames part of i8 (for the next session: the frames without gradients now march, commit ccdb593).
. bench/gpu_common.sh
case $MODE in
study)
  for v in $SETS; do
    IFS=: read n pick vars seeds <<< "$v"; rm -rf /tmp/ss_$n   # NB: a warm machine keeps /tmp, and generate refuses an --out that holds a run
    python3 bench/toy_study.py --out /tmp/ss_$n --report-to $OUT/ss_$n --pick $pick --variants $vars --seeds ${seeds:-0} \
       --parallel ${PAR:-8} --preset fast --set srft_batch=1 --deadline $(( $(left) - 30 )) > /tmp/ss_$n.txt 2>&1 &
  done; wait
  for v in $SETS; do grep -v "Warn\|Loading" /tmp/ss_${v%%:*}.txt | tail -14; done ;;
i8|gf)
  for r in a b; do
    step gf all_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false
    step gf four_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false --set grad_frames=4
  done
  bundle gf grad_frames.json
  echo "grad_frames done at $(( $(date +%s) - T0 )) s"; [ $MODE = gf ] && exit
  (cd bench && timeout $(( $(left) - 15 )) python3 field_compile.py --iters 10 --out /tmp/field_compile.json 2>&1 | grep -v "Warn\|warn" | tail -30)
  cp /tmp/field_compile.json $OUT/ 2>/dev/null ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
