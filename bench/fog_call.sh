# GPU call (issue 5, session 15): why `fast` runs end as fog. 12 probes side by side (6 variants x 2 prompts),
# static/dynamic only, each ends with the toy evaluator's verdict; the SR prior trains beside them (issue 3).
nvidia-smi --query-gpu=name --format=csv,noheader
S=${STEPS:-"static_steps=150 dynamic_steps=250 sigma_steps=250 srft=False"}
if [ -n "$SR" ]; then
  (python3 bench/toy_train_call.py /tmp/SR '{"seed": 7, "pool": 8000, "eval_pool": 20, "sr_batch": 12, "sr_minutes": '$SR'}' sr mav3d/weights > $OUT/sr_train.log 2>&1;
   tar cf $OUT/sr.tar -C /tmp/SR toy_sr; cp /tmp/SR/log.jsonl $OUT/sr_log.jsonl) &
fi
run() { name=$1; prompt=$2; shift 2; python3 bench/fog_probe.py --out /tmp/P/$name --prompt "$prompt" --every 50 "$@" > /tmp/P/$name.log 2>&1; }
mkdir -p /tmp/P
i=0
for p in "a red cube bouncing" "a blue sphere spinning"; do
  i=$((i+1))
  run v0_$i "$p" --set $S &
  run v1_$i "$p" --toybg --shift -4 --set $S &
  run v2_$i "$p" --toybg --shift -4 --set $S density_bias=10 &
  run v3_$i "$p" --shift -4 --set $S density_bias=10 &
  run v4_$i "$p" --toybg --shift -4 --set $S density_bias=10 sigma_max=0.6 &
  run v5_$i "$p" --toybg --shift -4 --set $S density_bias=10 mlp_lr_scale=1.0 &
done
sleep 5; nvidia-smi --query-gpu=memory.used --format=csv
wait
python3 - <<'PY'
import json, glob, os
rows = []
for f in sorted(glob.glob('/tmp/P/*/probe.json')):
    d = json.load(open(f)); v = d['verdict']; st = d['stats']
    end_static = [s for s in st if s['stage'] == 'static'][-1]
    rows.append(dict(name=os.path.basename(os.path.dirname(f)), prompt=d['prompt'], r=v['r_precision'],
                     colour=v['guesses']['colour'], shape=v['guesses']['shape'], motion=v['guesses']['motion'],
                     acc_static=round(end_static['acc_mean'], 3), acc_end=round(st[-1]['acc_mean'], 3), full_end=round(st[-1]['acc_gt_half'], 3),
                     secs=round(st[-1]['seconds'])))
    print(rows[-1])
json.dump(rows, open(os.environ['OUT'] + '/fog_rows.json', 'w'), indent=1)
PY
cd /tmp/P && tar cf $OUT/probes.tar */probe.json */probe.png */grid.png *.log
ls -la $OUT
