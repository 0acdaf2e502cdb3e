#!/usr/bin/env python
"""The paper-size HexPlane field (grad_copies 64) on N random space-time points, float32 MLP against bf16 MLP
(`HexPlaneConfig.mlp_dtype`): forward + backward of a dummy loss, and a forward without gradients. Median of --iters
(CUDA events, bench/timing.py). Writes --out (JSON) and prints a table.

  python3 bench/mlp_dtype.py --out /tmp/mlp_dtype.json           # GPU
  python3 bench/mlp_dtype.py --tiny --device cpu --iters 2        # smoke test
"""
import argparse, json
from dataclasses import replace
import torch
from timing import time_step
from mav3d.hexplane import HexPlaneConfig, HexPlaneField

ap = argparse.ArgumentParser()
ap.add_argument('--n', type=int, default=2 ** 20); ap.add_argument('--iters', type=int, default=20)
ap.add_argument('--tiny', action='store_true'); ap.add_argument('--device', default='cuda')
ap.add_argument('--out', default='/tmp/mlp_dtype.json')
a = ap.parse_args()
dev = torch.device(a.device)
base = HexPlaneConfig.tiny if a.tiny else replace(HexPlaneConfig.paper, grad_copies=64)
g = torch.Generator(dev).manual_seed(0)
pts = torch.cat([torch.rand(a.n, 3, device=dev, generator=g) * 2 - 1, torch.rand(a.n, 1, device=dev, generator=g)], -1)
res = {}
for dt in ('float32', 'bfloat16'):
    torch.manual_seed(0)
    f = HexPlaneField(replace(base, mlp_dtype=dt)).to(dev)
    def train():
        f.zero_grad(set_to_none=True); d, c = f(pts); (d.sum() + c.sum()).backward()
    def infer():
        with torch.no_grad(): f(pts)
    res[dt] = dict(train=time_step(train, dev, 3, a.iters), infer=time_step(infer, dev, 3, a.iters))
    print(f"{dt}: fwd+bwd {res[dt]['train']['median_ms']:.1f} ms, fwd no-grad {res[dt]['infer']['median_ms']:.1f} ms "
          f"on {a.n:,} points", flush=True)
res['meta'] = dict(n=a.n, gpu=torch.cuda.get_device_name() if dev.type == 'cuda' else 'cpu', torch=torch.__version__)
json.dump(res, open(a.out, 'w'), indent=1)
