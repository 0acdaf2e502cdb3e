# One GPU call (session 14): issue 4's SDS-T check into free videos, issue 11's toy tutorial under
# `nbdev_test --flags cuda`, then issue 5's toy-world study (full method, 12 prompts) in the time left.
# Carry .whl (diffusers, nbdev + execnb + IPython, k3d + ipywidgets, mesh libraries).
T0=$(date +%s)
nvidia-smi --query-gpu=name --format=csv,noheader
export PATH=/tmp/site/bin:$PATH
python3 -c "import nbdev, execnb, k3d, IPython, mcubes; print('imports ok')"
python3 bench/sdst_check.py $OUT > $OUT/call.log 2>&1 &
S=$(date +%s); nbdev_test --flags cuda --path nbs/30_tutorial_toy.ipynb --timing > $OUT/tutorial.log 2>&1; echo "tutorial rc=$? in $(( $(date +%s) - S ))s" | tee -a $OUT/tutorial.log
wait; cat $OUT/call.log | grep -v "Warn\|Loading"
DL=$(( ${BUDGET:-545} - ($(date +%s) - T0) )); echo "study deadline ${DL}s"
python3 bench/toy_study.py --out /tmp/S --variants full --parallel 12 --preset fast --steps ${STEPS:-150,200,20} --set srft_batch=1 --prior-rprec --deadline $DL 2>&1 | grep -v "Warn\|Loading" | tail -25
cp /tmp/S/study.json /tmp/S/study.md /tmp/S/sheet_full.png $OUT/ 2>/dev/null; ls $OUT
