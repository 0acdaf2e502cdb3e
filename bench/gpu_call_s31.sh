# GPU calls of session 31 (issue 5). Carry .whl.
# MODE=gvA: `gvf3` (the `fast` preset with SDS-T at 3 once the density is free) on the rest of seed 1 (the four spinners,
#   the blue torus's slide, the two still prompts), and `mo7gv3` (mo7held + gvf3) on seed 1's blue sphere and purple
#   cone. 9 runs side by side. Prediction (written before the call): gvf3 spins as the preset did on seed 1 (the purple
#   torus and the yellow sphere; not the blue sphere or the green cone), the slide and the stills right: seed 1's mean
#   ≈ 9.4 / 12 ≈ 0.78 (preset 0.64, mo7held 0.81); mo7gv3 spins the blue sphere (as mo7held on every seed) and grows
#   the purple cone in place (as gvf3). Rule (as session 29's): a variant becomes the `fast` preset's if its 12 x 3 mean
#   clears 0.82.
# MODE=gvB (after gvA: gvf3 brought seed 1's translations and growths to the truth's size but lost the yellow sphere's
#   spin, and mo7gv3 the blue sphere's, which mo7held spins on every seed; seed 1 with gvf3 0.70 of 12): first MODE=v4
#   (the fixed vector-atomic backward, checked then timed), then `mo7gv5` (mo7held, SDS-T at 5 once free) on seed 1's
#   blue and yellow spheres, the purple cone, the red cube's bounce and the blue cube's growth. 5 runs side by side.
#   Prediction (written before the call): both spheres spin (as mo7held on seed 1), the purple cone grows in place
#   (R 1.00), the bounce and the growths at 1.0-1.5x the truth's size on the sheet track: 5 of 5. If so, mo7gv5 is the
#   next 12 x 3 study; if a sphere stays still, the spins need 7.5 after the hold and the guidance cannot be one number
#   for every motion.
. bench/gpu_common.sh
case $MODE in
gvA)
  study g1 --pick 0,3,5,7,9,10,11 --variants gvf3 --seeds 1 --parallel 7
  study m1 --pick 0,8 --variants mo7gv3 --seeds 1 --parallel 2
  wait; for n in g1 m1; do grep -v "Warn\|Loading" /tmp/ss_$n.txt | tail -16; done ;;
gvB)
  study m5 --pick 0,7,8,6,4 --variants mo7gv5 --seeds 1 --parallel 5
  wait; grep -v "Warn\|Loading" /tmp/ss_m5.txt | tail -16 ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
