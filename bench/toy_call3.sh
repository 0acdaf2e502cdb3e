# GPU call 3 (issue 3): text-to-video only, continuing from run 6 (.toyinit/run6: widened timestep_cond with the pooled
# prompt, 'v' weighting), one process; then the motion-word check and the measure (seed 0).
# run: INIT=.toyinit/run6 T=6.3 bash bench/toy_call3.sh   (carry .whl and .toyinit)
set -x
nvidia-smi --query-gpu=name --format=csv,noheader
R=/tmp/R$RANDOM
python3 bench/toy_train_call.py $R '{"seed": '${SEED:-7}', "pool": '${POOL:-4000}', "eval_pool": 20, "batch": 48, "image_batch": 48, "image_every": 4, "weighting": "v", "weight_clamp": '${WC:-5}', "t2v_minutes": '${T:-6.3}'}' t2v ${INIT:-.toyinit/run6} 2>&1 | grep -v "Warn\|Writing\|Loading\|float32"
tar cf $OUT/t2v.tar -C $R toy_t2v; cp $R/log.jsonl $OUT/
timeout 60 python3 bench/toy_motion_word.py $R/toy_t2v 2>&1 | tee $OUT/motion_word.txt
timeout ${TM:-90} python3 bench/toy_measure.py --t2v $R/toy_t2v --sr ${INIT:-.toyinit/run6}/toy_sr --ev mav3d/weights/toy_evaluator.safetensors --out $R/measure 2>&1 | grep -v "Warn\|Writing\|Loading\|float32"
cp $R/measure/* $OUT/; ls -la $OUT
