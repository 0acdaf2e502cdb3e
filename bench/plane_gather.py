#!/usr/bin/env python
"""Bilinear plane sampling two ways, forward + backward, per level of the paper field: `F.grid_sample` on [3, C, H, W]
planes (its backward: one atomic add per point, corner and channel, channels H·W apart) against a gather of rows of a
channels-last [3·H·W, C] table (the four corners of the three planes in one `index_select` or `F.embedding`, whose
backwards add C contiguous floats per row: `index_add_` atomics, or sort + segment sums). Checks the features and
gradients against grid_sample, then times each at N points (median of --iters, CUDA events).

  python3 bench/plane_gather.py --out /tmp/plane_gather.json
  python3 bench/plane_gather.py --device cpu --n 4096 --res 16,64 --iters 2
"""
import argparse, json
import torch, torch.nn.functional as F
from timing import time_step

def corners(uv, H, W):  # uv [P, N, 2] in [-1, 1] -> flat row indices [P, N, 4] of a [P·H·W, C] table, weights [P, N, 4]
    "align_corners=True, border padding: the same four texels and weights as grid_sample."
    x = ((uv[..., 0] + 1) / 2 * (W - 1)).clamp(0, W - 1)
    y = ((uv[..., 1] + 1) / 2 * (H - 1)).clamp(0, H - 1)
    x0, y0 = x.floor().clamp(max=W - 2), y.floor().clamp(max=H - 2)
    fx, fy = x - x0, y - y0
    base = torch.arange(uv.shape[0], device=uv.device)[:, None] * (H * W) + y0.long() * W + x0.long()  # [P, N]
    idx = torch.stack([base, base + 1, base + W, base + W + 1], -1)
    w = torch.stack([(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy], -1)
    return idx, w

def sample_gather(planes_cl, uv, how='index'):  # planes_cl [P, C, H, W] channels-last; -> [P, C, N]
    P, C, H, W = planes_cl.shape
    table = planes_cl.permute(0, 2, 3, 1).reshape(P * H * W, C)   # a view: channels-last memory
    idx, w = corners(uv, H, W)
    rows = table.index_select(0, idx.reshape(-1)) if how == 'index' else F.embedding(idx.reshape(-1), table)
    return (rows.view(P, -1, 4, C) * w[..., None]).sum(2).transpose(1, 2)

def sample_grid(planes, uv):
    return F.grid_sample(planes, uv[:, None], mode='bilinear', padding_mode='border', align_corners=True)[:, :, 0]

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=262144); ap.add_argument('--res', default='16,36,81,182,410,922,2048')
    ap.add_argument('--C', type=int, default=8); ap.add_argument('--iters', type=int, default=20)
    ap.add_argument('--device', default='cuda'); ap.add_argument('--out', default='/tmp/plane_gather.json')
    a = ap.parse_args()
    dev = torch.device(a.device); g = torch.Generator(dev).manual_seed(0)
    # points along rays: neighbours close in space, as in a render (sorted by a random line coordinate)
    uv = (torch.rand(3, a.n, 2, device=dev, generator=g) * 2 - 1).sort(1).values
    res = dict(meta=dict(n=a.n, C=a.C, gpu=torch.cuda.get_device_name() if dev.type == 'cuda' else 'cpu', torch=torch.__version__))
    for r in map(int, a.res.split(',')):
        base = torch.randn(3, a.C, r, r, device=dev, generator=g)
        out = {}
        ref_p = base.clone().requires_grad_(); ref = sample_grid(ref_p, uv); gy = torch.randn_like(ref); ref.backward(gy)
        for how in ('grid', 'index', 'embedding'):
            p = (base.clone() if how == 'grid' else base.contiguous(memory_format=torch.channels_last)).requires_grad_()
            f = (lambda: sample_grid(p, uv)) if how == 'grid' else (lambda: sample_gather(p, uv, how))
            y = f(); y.backward(gy)
            err = ((y - ref).abs().max().item(), (p.grad - ref_p.grad).abs().max().item())
            def train(): p.grad = None; f().backward(gy)
            def infer():
                with torch.no_grad(): f()
            out[how] = dict(err=err, train=time_step(train, dev, 3, a.iters)['median_ms'], infer=time_step(infer, dev, 3, a.iters)['median_ms'])
        res[r] = out
        print(f"res {r:5d}: " + ", ".join(f"{k} fwd+bwd {v['train']:.3f} ms fwd {v['infer']:.3f} ms (err {v['err'][0]:.1e}/{v['err'][1]:.1e})"
                                        for k, v in out.items()), flush=True)
    json.dump(res, open(a.out, 'w'), indent=1)
