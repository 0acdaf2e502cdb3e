"""Measure trained toy priors (the numbers of the toy-world issue) without training: evaluator on held-back ground
truth, text-to-video samples (seen / held-out prompts), SR vs bicubic. Usage:
python bench/toy_measure.py --t2v DIR --sr DIR --ev FILE --out DIR [--seed 0]"""
import argparse, json
from pathlib import Path
import torch
from mav3d.toytrain import ToyTrainConfig, render_pool, measure_priors, video_grid
from mav3d.toypriors import load_toy_t2v, load_toy_sr
from mav3d.toyeval import load_evaluator
from mav3d.toyworld import ALL_PROMPTS, TRAIN_PROMPTS

ap = argparse.ArgumentParser()
for k in ('t2v', 'sr', 'ev', 'out'): ap.add_argument('--' + k)
ap.add_argument('--seed', type=int, default=0)
a = ap.parse_args()
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
cfg = ToyTrainConfig(seed=a.seed)
t2v, sr, ev = load_toy_t2v(a.t2v, dev), load_toy_sr(a.sr, dev), load_evaluator(a.ev, dev)
eval_pool = render_pool(3000, ALL_PROMPTS, 16, 32, 96, False, a.seed + 7, dev, None)
prior_pool = render_pool(16, TRAIN_PROMPTS, 16, 64, 96, True, a.seed + 11, dev, None)
m = measure_priors(t2v, sr, ev, eval_pool, prior_pool, cfg)
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
s, ps = m.pop('_samples'); video_grid(s, ps, 12, 4, out / 'samples.png')
lo, bic, up, gt = m.pop('_sr'); video_grid(torch.stack([bic[0], up[0], gt[0]]), ['bicubic', 'SR prior', 'ground truth'], 3, 4, out / 'sr.png')
(out / 'metrics.json').write_text(json.dumps(m, indent=1)); print(json.dumps(m))
