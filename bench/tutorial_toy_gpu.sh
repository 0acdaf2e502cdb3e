#!/usr/bin/env bash
# Issue 11: the toy tutorial end to end on a GPU, under nbdev_test with the `cuda` flag (its GPU-only cells run
# too, and it picks the `fast` preset), timed. Run from anywhere:  bash bench/tutorial_toy_gpu.sh
# Writes OUT/tutorial_toy_gpu.log and OUT/tutorial_toy_gpu.json (OUT defaults to bench/out).
# SAVE=1 also executes a copy of the notebook with its outputs into OUT (needs nbconvert + ipykernel; twice the time).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out}; mkdir -p "$OUT"
python -c "import torch; assert torch.cuda.is_available(), 'no CUDA GPU is visible'; print('GPU:', torch.cuda.get_device_name(), '| torch', torch.__version__)" || exit 1

# What the notebook imports (nbdev_test puts the repo root on sys.path, so mav3d itself needs no install).
mods="nbdev execnb fastcore IPython matplotlib tqdm k3d ipywidgets diffusers transformers safetensors scipy trimesh mcubes xatlas fast_simplification pygltflib PIL"
missing() { for m in $mods; do python -c "import $m" 2>/dev/null || echo -n "$m "; done; }
miss=$(missing)
if [ -n "$miss" ] && ls .whl/*.whl >/dev/null 2>&1; then
  echo "missing: $miss-> installing the carried wheels in .whl/ (no index, no deps)"
  python -m pip install -q --no-index --no-deps .whl/*.whl
  miss=$(missing)
fi
[ -n "$miss" ] && { echo "still missing: $miss- carry their wheels in .whl/ (pip download --no-deps NAME -d .whl) and rerun"; exit 1; }
# NB: imageio-ffmpeg is not needed: the tutorial writes no mp4.

t0=$(date +%s.%N)
nbdev_test --flags cuda --path nbs/30_tutorial_toy.ipynb --timing 2>&1 | tee "$OUT/tutorial_toy_gpu.log"
rc=${PIPESTATUS[0]}
secs=$(python -c "print(round($(date +%s.%N) - $t0, 1))")
python - "$rc" "$secs" "$OUT/tutorial_toy_gpu.json" <<'EOF'
import json, sys, torch
rc, secs, path = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
r = dict(command='nbdev_test --flags cuda --path nbs/30_tutorial_toy.ipynb', passed=rc == 0, seconds=secs,
         gpu=torch.cuda.get_device_name(), torch=torch.__version__)
open(path, 'w').write(json.dumps(r, indent=1)); print(r)
EOF
if [ "${SAVE:-0}" = 1 ]; then
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.store_widget_state=False --ExecutePreprocessor.timeout=1800 \
    --output-dir "$OUT" --output tutorial_toy_gpu_executed nbs/30_tutorial_toy.ipynb
fi
exit $rc
