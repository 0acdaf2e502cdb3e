"""Where the paper-size render backward goes (issue 8): one chunk of the trainer's render (4096 rays × 128 samples =
524 288 points) through each HexPlane level's `grid_sample` forward and forward+backward, with the points spread over
`copies` copies of the small levels (`sample_planes(copies=)`: fewer colliding atomic adds), and the MLP in fp32, TF32
and bf16 autocast; then the whole paper field. Medians of CUDA-event timings (bench/timing.py).

    python3 bench/plane_grad.py --out bench/results/plane_grad.json
"""
import argparse, json
from dataclasses import replace
import torch
from timing import time_step
from mav3d.hexplane import HexPlaneConfig, HexPlaneField, sample_planes, level_resolutions

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=4096 * 128); ap.add_argument('--out', default='plane_grad.json')
    ap.add_argument('--device', default='cuda'); ap.add_argument('--iters', type=int, default=10)
    a = ap.parse_args(); dev, N, res = a.device, a.n, {}
    g = torch.Generator(dev).manual_seed(0)
    uv = torch.rand(3, N, 2, device=dev, generator=g) * 2 - 1
    cfg = HexPlaneConfig()
    for r in level_resolutions(cfg.n_levels, cfg.base_res, cfg.max_res):
        planes = (torch.randn(3, cfg.feat_dim, r, r, device=dev, generator=g) * 0.1).requires_grad_()
        w = torch.randn(3, cfg.feat_dim, N, device=dev, generator=g)
        for k in ([1, 4, 16, 64] if r <= 256 else [1]):
            fwd = lambda: sample_planes(planes, uv, k)
            def both(): (fwd() * w).sum().backward(); planes.grad = None
            with torch.no_grad(): tf = time_step(fwd, dev, 3, a.iters)['median_ms']
            tb = time_step(both, dev, 3, a.iters)['median_ms']
            res[f'level {r} copies {k}'] = dict(fwd_ms=tf, fwd_bwd_ms=tb); print(f"level {r:5d} copies {k:3d}: fwd {tf:7.2f} ms, fwd+bwd {tb:7.2f} ms", flush=True)
    x = torch.randn(N, 3 * cfg.feat_dim * cfg.n_levels, device=dev, generator=g).requires_grad_()
    f = HexPlaneField(cfg).to(dev); f.static = False
    for name, tf32, bf16 in [('fp32', False, False), ('tf32', True, False), ('bf16 autocast', False, True)]:
        torch.backends.cuda.matmul.allow_tf32 = tf32
        def mlp_step():
            with torch.autocast(torch.device(dev).type, torch.bfloat16, enabled=bf16): y = f.mlp(x)
            y.float().square().mean().backward(); x.grad = None; f.zero_grad(set_to_none=True)
        t = time_step(mlp_step, dev, 3, a.iters)['median_ms']; res[f'mlp {name}'] = dict(fwd_bwd_ms=t); print(f"MLP {name}: fwd+bwd {t:.2f} ms", flush=True)
    torch.backends.cuda.matmul.allow_tf32 = False
    pts = torch.cat([torch.rand(N, 3, device=dev, generator=g) * 2 - 1, torch.rand(N, 1, device=dev, generator=g)], -1)
    for k in (1, 4, 16, 64):
        f.cfg = replace(f.cfg, grad_copies=k)
        def field_step(): d, c = f(pts); (d.mean() + c.mean()).backward(); f.zero_grad(set_to_none=True)
        t = time_step(field_step, dev, 3, a.iters)['median_ms']; res[f'field copies {k}'] = dict(fwd_bwd_ms=t); print(f"paper field, copies {k}: fwd+bwd {t:.2f} ms", flush=True)
    json.dump(dict(gpu=torch.cuda.get_device_name() if dev.startswith('cuda') else 'cpu', n=N, results=res), open(a.out, 'w'), indent=1)

if __name__ == '__main__': main()
