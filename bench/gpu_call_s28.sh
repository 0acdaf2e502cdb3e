# GPU calls of session 28 (issue 5). Carry .whl.
# MODE=rate: one prompt's verdicts over 10 seeds (the blue sphere by default, PICK to change it) with one variant
#   (VARIANT, default the preset `full`): the base rate against which a change is read (a rerun of a seed repeats its
#   verdict, session 27, so seeds are the samples). 10 runs side by side.
. bench/gpu_common.sh
case $MODE in
rate)
  study r --pick ${PICK:-0} --variants ${VARIANT:-full} --seeds 0,1,2,3,4,5,6,7,8,9 --parallel 10
  wait; grep -v "Warn\|Loading" /tmp/ss_r.txt | tail -30 ;;
# MODE=seed1: one variant (VARIANT) on seed 1, the preset's hardest (0.64; `others` 0.73), on the 10 moving prompts
#   (the still ones stay still with either contrast, sessions 22-25). 10 runs side by side.
seed1)
  study s1 --pick 0,1,2,4,5,6,7,8,9,11 --variants ${VARIANT} --seeds 1 --parallel 10
  wait; grep -v "Warn\|Loading" /tmp/ss_s1.txt | tail -30 ;;
# MODE=redraw: the blue sphere with the static stage of its seed and the later stages' draws of seed + 1000 (variant
#   `redraw`), on seeds that spin (0, 2, 5) and fail (1, 4) with the preset and with tin1. 5 runs side by side.
redraw)
  study rd --pick 0 --variants redraw --seeds ${SEEDS:-0,1,2,4,5} --parallel 5
  wait; grep -v "Warn\|Loading" /tmp/ss_rd.txt | tail -20 ;;
# MODE=study0 / study2 / stills: the rest of VARIANT's 12 x 3 study after MODE=seed1 (session 28: mo7held; its 10 runs
#   took 529 s of a 530 s deadline, so 9 runs a call here): the 9 moving prompts but the green cone on seed 0, on seed 2;
#   then the two still prompts on seeds 0-2 and the green cone on seeds 0 and 2, with MODE=redraw's question on 2 seeds
#   (1 fails, 5 spins with the preset and with tin1). Set BUDGET under the device time left.
study0|study2)
  study m --pick 0,1,2,4,5,6,7,8,9 --variants ${VARIANT} --seeds ${MODE#study} --parallel 9
  wait; grep -v "Warn\|Loading" /tmp/ss_m.txt | tail -30 ;;
stills)
  study st --pick 3,10 --variants ${VARIANT} --seeds 0,1,2 --parallel 6
  study gc --pick 11 --variants ${VARIANT} --seeds 0,2 --parallel 2
  study rd --pick 0 --variants redraw --seeds 1,5 --parallel 2
  wait; for n in st gc rd; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -20; done
  (cd $OUT && tar cf reports.tar ss_* && rm -rf ss_*) ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
