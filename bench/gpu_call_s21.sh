# GPU calls of session 21. Carry .whl.
# MODE=i8: issue 8. bench/triton_hexplane.py (a Triton kernel per level against grid_sample), then TrainConfig.packed_render
#   against the dense compositing, paper-size dynamic and SRFT steps, twice each, plain priors.
# MODE=gf: issue 8, TrainConfig.grad_frames=4 against every frame with gradients, paper-size steps, twice each.
# MODE=study: issue 5, bench/toy_study.py; SETS='name:prompt indices:variants[:seeds] ...' run side by side on the card.
. bench/gpu_common.sh
case $MODE in
i8)
  (cd bench && timeout 150 python3 triton_hexplane.py --out /tmp/triton_hexplane.json 2>&1 | grep -v "Warn\|warn")
  cp /tmp/triton_hexplane.json $OUT/ 2>/dev/null; echo "triton done at $(( $(date +%s) - T0 )) s"
  for r in a b; do
    step pk dense_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false
    step pk packed_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false --set packed_render=true
  done
  bundle pk packed.json ;;
gf)  # TrainConfig.grad_frames (built in session 21, unmeasured): paper-size steps, gradients through 4 of 16 frames against all
  for r in a b; do
    step gf all_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false
    step gf four_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false --set grad_frames=4
  done
  bundle gf grad_frames.json ;;
study)
  for v in $SETS; do
    IFS=: read n pick vars seeds <<< "$v"; rm -rf /tmp/ss_$n   # NB: a warm machine keeps /tmp, and generate refuses an --out that holds a run
    python3 bench/toy_study.py --out /tmp/ss_$n --pick $pick --variants $vars --seeds ${seeds:-0} --parallel ${PAR:-8} --preset fast \
       --set srft_batch=1 --deadline $(( $(left) - 30 )) > /tmp/ss_$n.txt 2>&1 &
  done; wait
  for v in $SETS; do n=${v%%:*}; grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -14
    mkdir -p $OUT/ss_$n; cp /tmp/ss_$n/study.json /tmp/ss_$n/study.md /tmp/ss_$n/sheet_*.png $OUT/ss_$n/; done ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
