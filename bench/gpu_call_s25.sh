# GPU calls prepared in session 25 (issue 5). Carry .whl. Studies use bench/gpu_call_s22.sh MODE=study.
# MODE=prior13: does the toy prior's image mode learn the green cone's stripes back when its image steps are weighted ε?
#   Continue the bundled text-to-video prior (run 11) for T minutes with run 11's settings and image_weighting='eps'
#   (ToyTrainConfig, chapter 08c), then: bench/stripe_probe.py in image mode on the new weights (the green cone was 0.05
#   with run 11, 0.16 with run 4; the spinners that spin 0.25-0.50), and bench/toy_measure.py (the prior's R-precision and
#   motion must stay >= 0.8). The weights come back as $OUT/t2v.tar (fp16, ~10 MB) for MODE=study13.
# MODE=study13: the study with those weights in place of the bundled ones: SETS as in gpu_call_s22.sh MODE=study, e.g.
#   the four spinning prompts on seeds 0-2 (0,5,7,11). It reads /tmp/R13/toy_t2v, which a warm machine keeps: call it
#   within the 30 s that the machine stays warm after MODE=prior13. Carrying the weights instead (.toyinit/run13, 14 MB)
#   would put the tree over the 64 MiB that travels (52 MB tracked + 6.5 MB of wheels in session 25).
. bench/gpu_common.sh
case $MODE in
prior13)
  R=/tmp/R13
  python3 bench/toy_train_call.py $R '{"seed": 13, "pool": '${POOL:-4000}', "eval_pool": 20, "batch": '${B:-48}', "image_batch": '${B:-48}', "image_every": 4,
    "weighting": "v", "weight_clamp": 100, "image_weighting": "eps", "t2v_minutes": '${T:-4}'}' t2v mav3d/weights 2>&1 | grep -v "Warn\|Writing\|Loading\|float32" | tail -8
  tar cf $OUT/t2v.tar -C $R toy_t2v; cp $R/log.jsonl $OUT/
  timeout 240 python3 bench/stripe_probe.py --t2v $R/toy_t2v --kinds image --out $OUT/stripe_probe_run13.json \
    --prompts 'a green cone spinning;a purple cone spinning;a white cone spinning;a blue sphere spinning;a yellow sphere spinning;a purple torus spinning' 2>&1 | grep -v "Warn\|Load"
  [ "${MEASURE:-1}" = 0 ] && exit   # (a CPU dry run: OUT=/tmp/o13 POOL=8 B=4 T=0.05 MEASURE=0 MODE=prior13 bash bench/gpu_call_s25.sh)
  timeout $(( $(left) - 10 )) python3 bench/toy_measure.py --t2v $R/toy_t2v --sr mav3d/weights/toy_sr --ev mav3d/weights/toy_evaluator.safetensors \
    --out $R/measure 2>&1 | grep -v "Warn\|Writing\|Loading\|float32" | tail -3
  cp $R/measure/* $OUT/ ;;
study13)
  [ -d /tmp/R13/toy_t2v ] || { echo "/tmp/R13/toy_t2v missing: the machine was not kept warm since MODE=prior13; run that again first"; exit 1; }
  rm -rf mav3d/weights/toy_t2v && cp -r /tmp/R13/toy_t2v mav3d/weights/   # this copy of the tree only
  MODE=study bash bench/gpu_call_s22.sh ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
