# GPU call 2 (issue 3): one process (three side by side on one card ran 3.7x slower each, call 1). Text-to-video
# continues from the bundled weights (timestep_cond widened for the pooled prompt; 'v' loss weighting, clamp 5),
# the residual SR prior from scratch; weights are tarred into OUT before the measure (bench/toy_measure.py, seed 0).
set -x
nvidia-smi --query-gpu=name --format=csv,noheader
python3 bench/toy_train_call.py /tmp/R '{"seed": 5, "pool": '${POOL:-8000}', "eval_pool": 20, "batch": 48, "image_batch": 48, "image_every": 4, "weighting": "v", "t2v_minutes": '${T:-5.5}', "sr_batch": 12, "sr_minutes": '${TS:-1.3}'}' t2v,sr mav3d/weights 2>&1 | grep -v "Warn\|Writing\|Loading\|float32"
tar cf $OUT/t2v.tar -C /tmp/R toy_t2v; tar cf $OUT/sr.tar -C /tmp/R toy_sr; cp /tmp/R/log.jsonl $OUT/
timeout ${TM:-100} python3 bench/toy_measure.py --t2v /tmp/R/toy_t2v --sr /tmp/R/toy_sr --ev mav3d/weights/toy_evaluator.safetensors --out /tmp/R/measure 2>&1 | grep -v "Warn\|Writing\|Loading\|float32"
cp /tmp/R/measure/* $OUT/; ls -la $OUT
