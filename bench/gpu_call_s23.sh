# GPU calls of session 23. Carry .whl. Studies (issue 5) use bench/gpu_call_s22.sh MODE=study.
# MODE=profile: issue 8, where the time of the paper-size steps goes with grad_frames=4 (march + encode_frames, commit
#   ccdb593 and later): torch.profiler tables and the part-by-part breakdown of the dynamic and SRFT (batch 1) steps,
#   opaque 10.5 % ball, plain priors. EXTRA adds paper_step arguments.
. bench/gpu_common.sh   # the card, the environment, left, step and bundle
case $MODE in
profile)
  (cd bench && timeout $(( $(left) - 10 )) python3 paper_step.py --stages ${STAGES:-dynamic,srft} --set srft_batch=1 \
     --set compile_priors=false --set grad_frames=${GF:-4} --prof-iters 3 --iters 3 --warmup 1 --occupied 0.105 --opaque 50 \
     --profile $EXTRA --out /tmp/profile.json > /tmp/profile.log 2>&1)
  echo "profile rc=$?"; cp /tmp/profile.json /tmp/profile.log $OUT/
  grep -v "Warn\|warn" /tmp/profile.log | grep "^| dynamic\|^| srft\|^| *[a-zA-Z].*|.*ms\|Self CUDA\|^ \+aten\|^ \+void\|Name\|rror" | cut -c1-150 | head -90 ;;
esac
echo "total $(( $(date +%s) - T0 )) s"
