# GPU calls prepared in session 30. Carry .whl. Issue 5's b8 study calls are bench/gpu_call_s29.sh MODE=b8a / b8b.
# MODE=chunk: issue 8, the paper-size steps (all 16 frames with gradients, plain priors, opaque 10.5 % ball, SRFT at one
#   video a step) with the gradient pass in recomputed chunks of 32768 rays (the `paper` preset), in recomputed chunks of
#   262144, and in one chunk kept whole (grad_chunk=null: no recomputation), plain and packed; twice each in one call.
#   Prediction (written before the call): one chunk without recomputation saves the gradient evaluations' second forward
#   (≈ 1/3 of their ≈ 70 ns, ≈ 0.2 s of 8.9 M) and the 32 chunks' launches: SRFT video ≈ 1.25 → ≈ 1.0 s, dynamic
#   ≈ 1.35 → ≈ 1.2 s, peak memory up but under 80 GB (the dense [1 M rays, 128] compositing is kept whole); packed, whole,
#   no dense layout: a little faster again. Then `bench/prior_overdrive.py` (issue 5; seconds) into $OUT.
# MODE=evals: issue 8, the `paper` preset's new gradient pass (chunks of 2**23 evaluations, packed; one chunk kept whole
#   where it fits) against the old one (32768-ray chunks recomputed, dense), on the opaque ball twice and on the fresh
#   field's fog (--opaque 0: rays never stop, ≈ 4x the evaluations) once: speed and peak memory.
#   Prediction (written before the call): opaque dynamic ≈ 1.19 s against ≈ 1.35 s (as session 30's whole packed run:
#   3.8 M evaluations fit one chunk), SRFT ≈ 1.10 s against ≈ 1.35 s (8.9 M evaluations: 2 recomputed chunks); fog fits
#   80 GB with both (peak ≤ 75 GiB) and the new pass is no slower there.
# MODE=inter: issue 8, the `paper` preset with the frames interleaved in the training render (`interleave_frames`) against
#   without, on the opaque ball, twice each. Prediction (written before the call): SRFT video −60 to −90 ms (−6 to
#   −10 %: the large levels' temporal planes' backward, 2-2.5x slower frame after frame at 2^23 points), dynamic within
#   ±3 % (its 8 videos already mix 8 times a frame index). If it holds, the `paper` preset turns it on. Also the small
#   levels' copies (tuned at 64 on 32768-ray chunks, session 18) at 16 and 256 with the whole chunks: no prediction.
# MODE=gv: issue 5, `gvf3` (SDS-T at 3 once the density is free) on seed 1's bounces, growths and slides, 5 side by side
#   (the preset there: 2.63 of 5, the red cube's bounce and the purple cone's growth read as slides at 1.5-1.8x the
#   truth's motion). Prediction: the sheet tracks fall toward the truth's and the two slides go; then the 12 x 3 study.
# MODE=v4: issue 8, the plane features with 16-byte vector atomics in the backward (bench/triton_planes_v4.py: check
#   against hexplane_features on the card, then the paper field at 2^20 and 2^23 points against grid_sample with 64
#   copies); its prediction is in the script.
. bench/gpu_common.sh   # the card, the environment, left, step and bundle
case $MODE in
chunk)
  for r in ${REPS:-a b}; do
    for v in ${KINDS:-ck32k ck256k whole wholepk}; do
      case $v in ck32k) a="--set grad_chunk=32768";; ck256k) a="--set grad_chunk=262144";;
                 whole) a="--set grad_chunk=null";; wholepk) a="--set grad_chunk=null --set packed_render=true";; esac
      step ch ${v}_$r ${STAGES:-dynamic,srft} ${IT:-5} 2 --set compile_priors=false $a
    done
  done
  bundle ch grad_chunk.json
  grep -h "peak\|OutOfMemory" /tmp/ch_*.log | head -20
  (timeout $(( $(left) - 10 )) python3 bench/prior_overdrive.py > $OUT/prior_overdrive.txt 2>&1; echo "overdrive rc=$?"; tail -30 $OUT/prior_overdrive.txt) ;;
evals)
  for r in ${REPS:-a b fog}; do
    o=""; [ $r = fog ] && o="--opaque 0"
    for v in new old; do a=""; [ $v = old ] && a="--set grad_evals=null --set packed_render=false"
      step ev ${v}_$r ${STAGES:-dynamic,srft} ${IT:-5} 2 --set compile_priors=false $a $o
    done
  done
  bundle ev grad_evals.json ;;
inter)
  for r in ${REPS:-a b}; do for v in ${KINDS:-off on on_c16 on_c256}; do
    c=${v#on_c}; [ "$c" = "$v" ] && c=64; f='{"grad_copies": '$c', "mlp_dtype": "bfloat16"}'
    step il ${v}_$r ${STAGES:-dynamic,srft} ${IT:-5} 2 --set compile_priors=false --set "field=$f" \
      --set interleave_frames=$([ ${v%%_*} = on ] && echo true || echo false)
  done; done
  bundle il interleave.json ;;
v4)
  (cd bench && timeout $(( $(left) - 10 )) python3 triton_planes_v4.py --out $OUT/triton_planes_v4.json 2>&1 | grep -v Warn | tail -20) ;;
gv)
  study gv --pick 1,2,4,6,8 --variants gvf3 --seeds 1 --parallel 5
  wait; grep -v "Warn\|Loading" /tmp/ss_gv.txt | tail -12 ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
