# GPU calls of session 23. Carry .whl. Studies (issue 5) use bench/gpu_call_s22.sh MODE=study.
# MODE=profile: issue 8, where the time of the paper-size steps goes with grad_frames=4 (march + encode_frames, commit
#   ccdb593 and later): torch.profiler tables and the part-by-part breakdown of the dynamic and SRFT (batch 1) steps,
#   opaque 10.5 % ball, plain priors. EXTRA adds paper_step arguments.
# MODE=vis: issue 8, render_rays(vis_chunk=) and the one-chunk render of the frames without gradients against the code before
#   (bench/old/, made before the call as the mode says); about 8 paper-size runs of 30-45 s.
. bench/gpu_common.sh   # the card, the environment, left, step and bundle
case $MODE in
vis)  # the passes without gradients in chunks of their own (commit 22aea50) against 4204bd9's package, copied into bench/old/
      # before the call (git archive 4204bd9 mav3d | tar -x -C bench/old; untracked, so it travels): all frames and grad_frames=4, twice each
  [ -d bench/old/mav3d ] || { echo "bench/old/mav3d missing: git archive 4204bd9 mav3d | tar -x -C bench/old"; exit 1; }
  for r in ${REPS:-a b}; do for code in new old; do
    pp=/tmp/site:$PWD; [ $code = old ] && pp=/tmp/site:$PWD/bench/old
    for v in ${KINDS:-all four}; do gf=0; [ $v = four ] && gf=4
      PYTHONPATH=$pp step vis ${code}_${v}_$r ${STAGES:-dynamic,srft} ${IT:-5} 2 --set compile_priors=false --set grad_frames=$gf
    done
  done; done
  bundle vis vis_chunk.json ;;
profile)
  (cd bench && timeout $(( $(left) - 10 )) python3 paper_step.py --stages ${STAGES:-dynamic,srft} --set srft_batch=1 \
     --set compile_priors=false --set grad_frames=${GF:-4} --prof-iters 3 --iters 3 --warmup 1 --occupied 0.105 --opaque 50 \
     --profile $EXTRA --out /tmp/profile.json > /tmp/profile.log 2>&1)
  echo "profile rc=$?"; cp /tmp/profile.json /tmp/profile.log $OUT/
  grep -v "Warn\|warn" /tmp/profile.log | grep "^| dynamic\|^| srft\|^| *[a-zA-Z].*|.*ms\|Self CUDA\|^ \+aten\|^ \+void\|Name\|rror" | cut -c1-150 | head -90 ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
