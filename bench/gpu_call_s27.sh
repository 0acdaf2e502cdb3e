# GPU calls of session 27 (issue 5). Carry .whl.
# MODE=dt: SDS-T's target from 3 guided DDIM steps (`video_target_steps=3`, variant dt3): the green cone (seeds 0, 1), and
#   the seed-1 failures of the preset (blue sphere still, red cube bouncing read as sliding, purple cone growing read as
#   sliding), and the yellow sphere (seed 0, spins with the preset) as a control. 6 runs; tables and sheets in $OUT/ss_*.
. bench/gpu_common.sh
case $MODE in
dt)
  study gc --pick 11 --variants dt3 --seeds 0,1 --parallel 2
  study s1 --pick 0,6,8 --variants dt3 --seeds 1 --parallel 3
  study s0 --pick 7 --variants dt3 --seeds 0 --parallel 1
  wait; for n in gc s1 s0; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done ;;
# MODE=s500: a static stage of 500 steps instead of the preset's 200 (variant s500) where the preset failed by seed:
#   the green cone (seeds 0-2), the blue sphere and the purple cone growing (seed 1), the purple torus and the yellow sphere
#   (seed 2); the blue sphere on seed 0 (spins with the preset) as a control. 8 runs; the reports in one tar.
s500)
  study gc --pick 11 --variants s500 --seeds 0,1,2 --parallel 3
  study s1 --pick 0,8 --variants s500 --seeds 1 --parallel 2
  study s2 --pick 5,7 --variants s500 --seeds 2 --parallel 2
  study s0 --pick 0 --variants s500 --seeds 0 --parallel 1
  wait; for n in gc s1 s2 s0; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done
  (cd $OUT && tar cf reports.tar ss_* && rm -rf ss_*) ;;
# MODE=s500a/b/c: s500 on the 12 prompts × 3 seeds, less the 8 runs of MODE=s500 (a: seed 0; b: seed 1 and three of
#   seed 2; c: the rest of seed 2 and the still prompts on seeds 1 and 2). 10 / 10 / 8 runs.
s500a)
  study a --pick 1,2,3,4,5,6,7,8,9,10 --variants s500 --seeds 0 --parallel 10
  wait; grep -v "Warn\|Loading" /tmp/ss_a.txt | tail -30 ;;
s500b)
  study b1 --pick 1,2,4,5,6,7,9 --variants s500 --seeds 1 --parallel 7
  study b2 --pick 0,1,2 --variants s500 --seeds 2 --parallel 3
  wait; for n in b1 b2; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -26; done ;;
s500c)
  study c2 --pick 4,6,8,9 --variants s500 --seeds 2 --parallel 4
  study cs --pick 3,10 --variants s500 --seeds 1,2 --parallel 4
  wait; for n in c2 cs; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -26; done ;;
# MODE=rerun: the preset itself (variant full) on MODE=s500's 8 picks, with the blue cube growing (seed 0, lost with
#   s500) and the red cube bouncing (seed 1, right with dt3): how often does a rerun of the same seed change the verdict?
#   10 runs, the reports in one tar.
rerun)
  study gc --pick 11 --variants full --seeds 0,1,2 --parallel 3
  study s1 --pick 0,8,6 --variants full --seeds 1 --parallel 3
  study s2 --pick 5,7 --variants full --seeds 2 --parallel 2
  study s0 --pick 0,4 --variants full --seeds 0 --parallel 2
  wait; for n in gc s1 s2 s0; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done
  (cd $OUT && tar cf reports.tar ss_* && rm -rf ss_*) ;;
# MODE=tdt: DDIM targets (3 steps) from the truth-fitted static stage (truth_dt3) on the green cone (seeds 0-2) and the
#   blue sphere (seed 0); dt3 from the method's own static stage on two spinners that spin with the preset (blue
#   sphere and purple torus, seed 0). 6 runs, the reports in one tar.
tdt)
  study t --pick 11 --variants truth_dt3 --seeds 0,1,2 --parallel 3
  study tb --pick 0 --variants truth_dt3 --seeds 0 --parallel 1
  study d0 --pick 0,5 --variants dt3 --seeds 0 --parallel 2
  wait; for n in t tb d0; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -24; done
  (cd $OUT && tar cf reports.tar ss_* && rm -rf ss_*) ;;
# MODE=rate (prepared, not run): the preset's spin rate on one prompt over 10 seeds (the blue sphere, seeds 0-9), the
#   base rate against which a change is read (a rerun of a seed repeats its verdict, so seeds are the samples). 10 runs.
rate)
  study r --pick 0 --variants ${VARIANT:-full} --seeds 0,1,2,3,4,5,6,7,8,9 --parallel 10
  wait; grep -v "Warn\|Loading" /tmp/ss_r.txt | tail -30 ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
