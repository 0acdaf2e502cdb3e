# GPU calls of session 27 (issue 5). Carry .whl.
# MODE=dt: SDS-T's target from 3 guided DDIM steps (`video_target_steps=3`, variant dt3): the green cone (seeds 0, 1), and
#   the seed-1 failures of the preset (blue sphere still, red cube bouncing read as sliding, purple cone growing read as
#   sliding), and the yellow sphere (seed 0, spins with the preset) as a control. 6 runs; tables and sheets in $OUT/ss_*.
. bench/gpu_common.sh
study() { n=$1; shift; rm -rf /tmp/ss_$n   # NB: a warm machine keeps /tmp
  python3 bench/toy_study.py --out /tmp/ss_$n --report-to $OUT/ss_$n --preset fast --set srft_batch=1 \
    --deadline $(( $(left) - 30 )) "$@" > /tmp/ss_$n.txt 2>&1 & }
case $MODE in
dt)
  study gc --pick 11 --variants dt3 --seeds 0,1 --parallel 2
  study s1 --pick 0,6,8 --variants dt3 --seeds 1 --parallel 3
  study s0 --pick 7 --variants dt3 --seeds 0 --parallel 1
  wait; for n in gc s1 s0; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
