# GPU calls of session 15. MODE=study: the full method on the 12 study prompts (issue 5's verdict table);
# MODE=ablation VARIANTS=...: the ablations (issue 7's table); MODE=sr_tutorial: SR prior training (issue 3) beside
# the toy tutorial under nbdev_test (issue 11), then the SR measures. Carry .whl.
T0=$(date +%s)
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
export PATH=/tmp/site/bin:$PATH PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True
left() { echo $(( ${BUDGET:-570} - ($(date +%s) - T0) )); }
case $MODE in
study|ablation)
  python3 bench/toy_study.py --out /tmp/S --variants ${VARIANTS:-full} --prompts ${PROMPTS:-12} ${PICK:+--pick $PICK} --parallel ${PAR:-12} --preset fast \
     ${STEPS:+--steps $STEPS} --set ${SET:-srft_batch=1} ${PRIOR:+--prior-rprec} --deadline $(( $(left) - 25 )) 2>&1 | grep -v "Warn\|Loading" | tail -30
  cp /tmp/S/study.json /tmp/S/study.md /tmp/S/sheet_*.png $OUT/ 2>/dev/null
  tail -3 /tmp/S/*/*.log | grep -i "error" | head -5 ;;
sr_tutorial)
  (python3 bench/toy_train_call.py /tmp/SR '{"seed": 7, "pool": 8000, "eval_pool": 20, "sr_batch": 12, "sr_minutes": '${SR:-4}'}' sr mav3d/weights > /tmp/sr_train.log 2>&1;
   tar cf $OUT/sr.tar -C /tmp/SR toy_sr; cp /tmp/SR/log.jsonl $OUT/sr_log.jsonl; echo "sr trained at $(( $(date +%s) - T0 ))s") &
  S=$(date +%s); nbdev_test --flags cuda --path nbs/30_tutorial_toy.ipynb --timing > $OUT/tutorial.log 2>&1
  echo "tutorial rc=$? in $(( $(date +%s) - S ))s" | tee -a $OUT/tutorial.log; tail -5 $OUT/tutorial.log
  wait; grep -v "Warn\|Loading" /tmp/sr_train.log | tail -4
  for w in mav3d/weights/toy_sr /tmp/SR/toy_sr; do echo "== $w"; timeout $(( $(left) / 2 )) python3 bench/sr_eval_score.py 24 50 $w 2>&1 | grep -v "Warn\|Loading" | tail -4; done > $OUT/sr_eval.txt; cat $OUT/sr_eval.txt ;;
esac
ls $OUT; echo "call took $(( $(date +%s) - T0 ))s"
