# GPU calls of session 20. Carry .whl.
# MODE=field: issue 8. bench/plane_gather.py (grid_sample against a channels-last gather, per level), then
#   bench/field_compile.py (the paper field eager / plane sampling compiled / whole field compiled, 64 copies or 1).
# MODE=packed: paper steps (plain priors, IT iterations): the dense compositing, then TrainConfig.packed_render.
# MODE=triton: issue 8, bench/triton_hexplane.py (prepared in session 20, checked in Triton's CPU interpreter only).
# MODE=spinstudy: issue 5, bench/toy_study.py; SETS='name:prompt indices:variants ...' run side by side on the card.
. bench/gpu_common.sh
case $MODE in
field)
  [ "${PG:-1}" = 1 ] && (cd bench && timeout 90 python3 plane_gather.py --out /tmp/pg.json 2>&1 | grep -v "Warn\|warn"); cp /tmp/pg.json $OUT/ 2>/dev/null
  (cd bench && timeout $(( $(left) - 30 )) python3 field_compile.py --iters 20 --variants ${FC:-eager64,feat64} --out /tmp/fc.json 2>&1 | grep -v "Warn\|warn") ; cp /tmp/fc.json $OUT/ 2>/dev/null ;;
packed)  # TrainConfig.packed_render against the dense compositing, twice each; plain priors (the paper preset compiles them:
         # ≈ 5 min a run, which is why this session's two tries ran out of time)
  for r in a b; do
    step pk dense_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false
    step pk packed_$r dynamic,srft ${IT:-5} 2 --set compile_priors=false --set packed_render=true
  done
  bundle pk packed.json ;;
triton)  # bench/triton_hexplane.py: a Triton kernel per level (forward, and atomics backward) against grid_sample with 64 copies
  (cd bench && timeout $(( $(left) - 10 )) python3 triton_hexplane.py --out /tmp/triton_hexplane.json 2>&1 | grep -v "Warn\|warn")
  cp /tmp/triton_hexplane.json $OUT/ 2>/dev/null ;;
spinstudy)
  for v in ${SETS:-spin:0,5,7,11:hold50,hold100 other:1,2,4:hold50}; do
    IFS=: read n pick vars <<< "$v"; rm -rf /tmp/ss_$n   # NB: a warm machine keeps /tmp, and generate refuses an --out that holds a run
    python3 bench/toy_study.py --out /tmp/ss_$n --pick $pick --variants $vars --parallel ${PAR:-8} --preset fast --set srft_batch=1 \
       --deadline $(( $(left) - 30 )) > /tmp/ss_$n.txt 2>&1 &
  done; wait
  for v in ${SETS:-spin:0,5,7,11:hold50,hold100 other:1,2,4:hold50}; do n=${v%%:*}; grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -14
    mkdir -p $OUT/ss_$n; cp /tmp/ss_$n/study.json /tmp/ss_$n/study.md /tmp/ss_$n/sheet_*.png $OUT/ss_$n/; done ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
