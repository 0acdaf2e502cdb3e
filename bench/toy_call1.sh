# GPU call 1 (issue 3, motion): two text-to-video variants and the residual SR prior, trained side by side on one GPU
# (the step is launch-bound, so three processes share the card). Each writes OUT/<name>.tar.
set -x
T=${T:-5.8}
mkdir -p /tmp/init_nosr && cp -r mav3d/weights/toy_t2v mav3d/weights/toy_evaluator.safetensors /tmp/init_nosr/
nvidia-smi --query-gpu=name --format=csv,noheader
common='"pool": 10000, "eval_pool": 1500, "batch": 48, "image_batch": 48, "image_every": 4, "t2v_minutes": '$T
python3 bench/toy_train_call.py /tmp/A "{\"seed\": 3, $common, \"weighting\": \"v\"}" t2v,measure mav3d/weights > /tmp/A.log 2>&1 &
python3 bench/toy_train_call.py /tmp/B "{\"seed\": 3, $common, \"weighting\": \"eps\"}" t2v,measure mav3d/weights > /tmp/B.log 2>&1 &
python3 bench/toy_train_call.py /tmp/C "{\"seed\": 3, \"pool\": 6000, \"eval_pool\": 600, \"sr_batch\": 12, \"sr_minutes\": $T}" sr,measure /tmp/init_nosr > /tmp/C.log 2>&1 &
wait
for r in A B C; do cp /tmp/$r.log /tmp/$r/; grep -v Warn /tmp/$r.log | tail -4 | cut -c1-1500; tar cf $OUT/$r.tar -C /tmp $r; done
ls -la $OUT
