# GPU call of session 26 (issue 5). Carry .whl.
# MODE=truth: the green cone from a static stage fitted to its still ground truth, stripes and all (toy_study variant
#   `truth`, bench/truth_static.py), and the blue sphere the same (a spinner that spins with the full method), seeds 0-2;
#   beside them the full method on cones of the other colours (their image-mode stripe pull is 0.11-0.20 against the
#   green cone's 0.05, session 25), seed 0. Two studies side by side, 10 runs; their tables and sheets in $OUT/ss_*.
. bench/gpu_common.sh
case $MODE in
truth)
  study truth --pick 11,0 --variants truth --seeds 0,1,2 --parallel 6
  study cones --text 'a white cone spinning;a purple cone spinning;a yellow cone spinning;a red cone spinning' --variants full --parallel 4
  wait; for n in truth cones; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -20; done ;;
# MODE=fitall: no prior at all: every stage fits the ground truth (`fitall`; the dynamic stage the spinning video from the
#   stage's own cameras and times), under the trainer's schedule: can the `fast` field spin the green cone, the blue sphere
#   and the purple torus? And the green cone without the density held (`fitall_nohold`). 9 runs.
fitall)
  study fit --pick 11,0,5 --variants fitall --seeds 0,1 --parallel 6
  study nohold --pick 11 --variants fitall_nohold --seeds 0,1,2 --parallel 3
  wait; for n in fit nohold; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -20; done ;;
# MODE=signal: the field spins under regression (fitall) but not under SDS-T, which washes a striped start out. Is it
#   the signal? From the truth's static stage: the still contrast at 7.5 over the whole dynamic stage (truth_mc7all) or
#   video guidance 20 (truth_g20), on the green cone (seeds 0, 1), the first also on the blue sphere (seed 0); mc7all with the
#   image prior's own static stage on the green cone (seeds 0, 1). 7 runs, 8 files back.
signal)
  study tsig --pick 11 --variants truth_mc7all,truth_g20,mc7all --seeds 0,1 --parallel 6
  study bsig --pick 0 --variants truth_mc7all --seeds 0 --parallel 1
  wait; for n in tsig bsig; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done ;;
# MODE=track: bench/signal_probe.py on the GPU: after a truth-fitted static stage, 400 dynamic steps of SDS-T, measuring
#   every 25 steps how SDS-T's pull on the field lines up with the turn and the flicker (4 fixed draws): the green cone and
#   the blue sphere, with the preset's contrast (neither spins: `truth`) and with the still contrast at 7.5 throughout
#   (the sphere spins: `truth_mc7all`). 4 processes, one JSON each in $OUT.
track)
  for p in 'a green cone spinning:gc' 'a blue sphere spinning:bs'; do
    for v in 'preset:' 'mc7all:motion_contrast=7.5,motion_contrast_until=1'; do set_=${v#*:}
      timeout $(( $(left) - 15 )) python3 bench/signal_probe.py --prompts "${p%%:*}" --steps 400 --every 25 --draws 4 --device cuda \
        ${set_:+--set $set_} --out $OUT/track_${p##*:}_${v%%:*}.json > /tmp/track_${p##*:}_${v%%:*}.txt 2>&1 &
    done
  done; wait; grep -h "step" /tmp/track_*.txt | grep -v Warn ;;
# MODE=nohold: the track showed the stripes fade while the density is held and turn only after: from the truth-fitted
#   static stage without the hold, with the preset's contrast and with the contrast at 7.5 throughout; the green cone and
#   the blue sphere, seeds 0 and 1. 8 runs.
nohold)
  python3 bench/toy_study.py --out /tmp/ss_nh --report-to $OUT/ss_nh --preset fast --set srft_batch=1 --deadline $(( $(left) - 30 )) \
    --pick 11,0 --variants truth_nohold,truth_nohold_mc7all --seeds 0,1 --parallel 8 2>&1 | grep -v "Warn\|Loading" | tail -24 ;;
# MODE=hsl (prepared, not run): `hold_space_lr_scale=0.1` (chapter 10) with the full method on the four spinners, seeds
#   0 and 1, and from the truth-fitted static stage on the green cone and the blue sphere, seed 0. 10 runs, 6 files.
hsl)
  study hsl --pick 11,0,5,7 --variants hsl01 --seeds 0,1 --parallel 8
  study thsl --pick 11,0 --variants truth_hsl01 --seeds 0 --parallel 2
  wait; for n in hsl thsl; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
