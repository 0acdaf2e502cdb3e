# GPU call of session 26 (issue 5). Carry .whl.
# MODE=truth: the green cone from a static stage fitted to its still ground truth, stripes and all (toy_study variant
#   `truth`, bench/truth_static.py), and the blue sphere the same (a spinner that spins with the full method), seeds 0-2;
#   beside them the full method on cones of the other colours (their image-mode stripe pull is 0.11-0.20 against the
#   green cone's 0.05, session 25), seed 0. Two studies side by side, 10 runs; their tables and sheets in $OUT/ss_*.
. bench/gpu_common.sh
case $MODE in
truth)
  study() { n=$1; shift; rm -rf /tmp/ss_$n   # NB: a warm machine keeps /tmp
    python3 bench/toy_study.py --out /tmp/ss_$n --report-to $OUT/ss_$n --preset fast --set srft_batch=1 \
      --deadline $(( $(left) - 30 )) "$@" > /tmp/ss_$n.txt 2>&1 & }
  study truth --pick 11,0 --variants truth --seeds 0,1,2 --parallel 6
  study cones --text 'a white cone spinning;a purple cone spinning;a yellow cone spinning;a red cone spinning' --variants full --parallel 4
  wait; for n in truth cones; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -20; done ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
