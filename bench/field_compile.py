#!/usr/bin/env python
"""Is the paper-size HexPlane field faster under `torch.compile`? The field (bf16 MLP) on N random space-time points:
eager, the plane sampling compiled (`hexplane_features`, dynamic shapes), and the whole field compiled; with 64 copies of
the small levels and without. Forward + backward of a dummy loss and a forward without gradients, at two N (a chunk's
evaluations vary, so each variant also runs at a third N first: dynamic shapes). Checks each variant's features and
plane gradients against eager. Median of --iters (CUDA events, bench/timing.py); writes --out (JSON).

  python3 bench/field_compile.py --out /tmp/field_compile.json          # GPU
  python3 bench/field_compile.py --tiny --device cpu --iters 2 --ns 4096,8192
"""
import argparse, json, time
from dataclasses import replace
import torch
from timing import time_step
import mav3d.hexplane as H
from mav3d.hexplane import HexPlaneConfig, HexPlaneField

ap = argparse.ArgumentParser()
ap.add_argument('--ns', default='262144,1048576'); ap.add_argument('--iters', type=int, default=20)
ap.add_argument('--variants', default='eager64,feat64,all1')
ap.add_argument('--tiny', action='store_true'); ap.add_argument('--device', default='cuda')
ap.add_argument('--out', default='/tmp/field_compile.json')
a = ap.parse_args()
dev = torch.device(a.device)
ns = [int(n) for n in a.ns.split(',')]
g = torch.Generator(dev).manual_seed(0)
pts_of = {n: torch.cat([torch.rand(n, 3, device=dev, generator=g) * 2 - 1, torch.rand(n, 1, device=dev, generator=g)], -1)
          for n in ns + [ns[0] // 2 + 17]}
eager_features = H.hexplane_features
compiled_features = torch.compile(eager_features, dynamic=True)
res, ref = {}, {}
for v in a.variants.split(','):
    kind, copies = v.rstrip('0123456789'), int(v[len(v.rstrip('0123456789')):])
    torch.manual_seed(0)
    base = HexPlaneConfig.tiny if a.tiny else replace(HexPlaneConfig.paper, mlp_dtype='bfloat16' if dev.type == 'cuda' else 'float32')
    f = HexPlaneField(replace(base, grad_copies=copies)).to(dev)
    H.hexplane_features = compiled_features if kind == 'feat' else eager_features
    call = torch.compile(f, dynamic=True) if kind == 'all' else f
    t0 = time.time()
    for n in [ns[0] // 2 + 17] + ns:   # compile (and recompile for dynamic shapes) before timing
        d, c = call(pts_of[n]); (d.sum() + c.sum()).backward(); f.zero_grad(set_to_none=True)
    compile_s = time.time() - t0
    # the same as eager: features and the gradient of the finest spatial level on the first N
    pts = pts_of[ns[0]]
    d, c = call(pts); (d.sum() + c.sum()).backward()
    check = dict(d=d.detach().float(), g=f.spatial[-1].grad.detach().clone(), g0=f.spatial[0].grad.detach().clone())
    f.zero_grad(set_to_none=True)
    if not ref: ref = check
    err = {k: ((check[k] - ref[k]).norm() / ref[k].norm().clamp_min(1e-12)).item() for k in ref}
    res[v] = dict(compile_s=compile_s, rel_err_vs_first=err)
    for n in ns:
        p = pts_of[n]
        def train():
            f.zero_grad(set_to_none=True); d, c = call(p); (d.sum() + c.sum()).backward()
        def infer():
            with torch.no_grad(): call(p)
        res[v][n] = dict(train=time_step(train, dev, 3, a.iters), infer=time_step(infer, dev, 3, a.iters))
        print(f"{v:8s} N={n:>8,}: fwd+bwd {res[v][n]['train']['median_ms']:7.2f} ms, fwd no-grad "
              f"{res[v][n]['infer']['median_ms']:6.2f} ms (compile {compile_s:.0f} s, rel err {err})", flush=True)
    del f, call
    res['meta'] = dict(ns=ns, gpu=torch.cuda.get_device_name() if dev.type == 'cuda' else 'cpu', torch=torch.__version__)
    json.dump(res, open(a.out, 'w'), indent=1, default=str)   # after every variant: a timeout keeps what was measured
H.hexplane_features = eager_features
