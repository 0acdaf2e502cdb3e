#!/usr/bin/env python
"""A prepared experiment (issue 8), not part of the package: the HexPlane features of Eq. 1 as one Triton kernel per
level, forward and backward, against `mav3d.hexplane.hexplane_features` (grid_sample, 64 copies of the small levels).

Per level, one launch computes the three pairs' bilinear samples of the spatial and temporal planes for a block of
points and writes their sums straight into the level's columns of the [N, L·3·C] features; the backward is one launch
that adds each point's gradient into the four corners of both planes of each pair (atomics, no copies, no dense
intermediate layout). Gradients reach the planes only (training points never need one; `triton_features` refuses
points that require a gradient).

  TRITON_INTERPRET=1 python bench/triton_hexplane.py --check          # CPU: correctness in Triton's interpreter
  python3 bench/triton_hexplane.py --out /tmp/triton_hexplane.json     # GPU: check, then time against grid_sample

Outcome (session 21, H100, bench/NOTES.md): exact on the card, and not faster — forward+backward 13.2 against 12.2 ms at
262 144 points (block 64), 44.6 against 38.6 ms at 1 048 576: without the package's 64 copies the small levels' atomics
collide. It stays here, out of the package.
"""
import argparse, json
import torch
import triton, triton.language as tl
from mav3d.hexplane import HexPlaneConfig, HexPlaneField, hexplane_features, normalize_pts
from mav3d.planes_triton import _corners, _coords   # the texel corners and the pairs' coordinates, as the package's kernel

@triton.jit
def _bilerp(ptr, u, v, H, W, c, m):  # ptr: one [C, H, W] plane; u, v [BLOCK] -> [BLOCK, C]
    x0, y0, fx, fy = _corners(u, v, H, W)
    base = ptr + c[None, :] * (H * W) + (y0 * W + x0)[:, None]
    mm = m[:, None]
    f = tl.load(base, mask=mm) * ((1 - fx) * (1 - fy))[:, None] + tl.load(base + 1, mask=mm) * (fx * (1 - fy))[:, None]
    return f + tl.load(base + W, mask=mm) * ((1 - fx) * fy)[:, None] + tl.load(base + W + 1, mask=mm) * (fx * fy)[:, None]

@triton.jit
def _scatter(ptr, u, v, H, W, c, m, g):  # add g [BLOCK, C] into the four corners of one [C, H, W] plane
    x0, y0, fx, fy = _corners(u, v, H, W)
    base = ptr + c[None, :] * (H * W) + (y0 * W + x0)[:, None]
    mm = m[:, None]
    tl.atomic_add(base, g * ((1 - fx) * (1 - fy))[:, None], mask=mm)
    tl.atomic_add(base + 1, g * (fx * (1 - fy))[:, None], mask=mm)
    tl.atomic_add(base + W, g * ((1 - fx) * fy)[:, None], mask=mm)
    tl.atomic_add(base + W + 1, g * (fx * fy)[:, None], mask=mm)

@triton.jit
def _level(q_ptr, s_ptr, t_ptr, feat_ptr, N, R, T, feat_stride, col0,
           C: tl.constexpr, BLOCK: tl.constexpr, TEMPORAL: tl.constexpr, BACKWARD: tl.constexpr):
    "One level for a block of points: write its features (forward), or add their gradients into the planes' (backward)."
    n = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    m = n < N
    c = tl.arange(0, C)
    for p in tl.static_range(3):
        su, sv, tu, tv = _coords(q_ptr, n, m, p)
        at = feat_ptr + n[:, None] * feat_stride + col0 + p * C + c[None, :]   # pair p's C columns of the level
        if BACKWARD:  # s_ptr, t_ptr: the planes' gradients; feat_ptr: the features' gradient
            g = tl.load(at, mask=m[:, None], other=0.)
            _scatter(s_ptr + p * C * R * R, su, sv, R, R, c, m, g)
            if TEMPORAL: _scatter(t_ptr + p * C * T * R, tu, tv, T, R, c, m, g)
        else:
            f = _bilerp(s_ptr + p * C * R * R, su, sv, R, R, c, m)
            if TEMPORAL: f += _bilerp(t_ptr + p * C * T * R, tu, tv, T, R, c, m)
            tl.store(at, f, mask=m[:, None])

class _Features(torch.autograd.Function):
    @staticmethod
    def forward(ctx, q, block, temporal_on, *planes):  # planes: L spatial [3, C, r, r], then L temporal [3, C, t, r]
        L = len(planes) // 2
        C = planes[0].shape[1]
        out = q.new_empty(len(q), L * 3 * C)
        grid = (triton.cdiv(len(q), block),)
        for l in range(L):
            s, t = planes[l], planes[L + l]
            _level[grid](q, s, t, out, len(q), s.shape[-1], t.shape[-2], out.stride(0), l * 3 * C, C=C, BLOCK=block,
                         TEMPORAL=temporal_on, BACKWARD=False)
        ctx.save_for_backward(q, *planes); ctx.block, ctx.temporal_on = block, temporal_on
        return out

    @staticmethod
    def backward(ctx, gout):
        q, *planes = ctx.saved_tensors
        L, C, gout = len(planes) // 2, planes[0].shape[1], gout.contiguous()
        grads = [torch.zeros_like(p) for p in planes]
        grid = (triton.cdiv(len(q), ctx.block),)
        for l in range(L):
            s, t = planes[l], planes[L + l]
            _level[grid](q, grads[l], grads[L + l], gout, len(q), s.shape[-1], t.shape[-2], gout.stride(0), l * 3 * C,
                         C=C, BLOCK=ctx.block, TEMPORAL=ctx.temporal_on, BACKWARD=True)
        return (None, None, None, *[g if ctx.temporal_on or i < L else None for i, g in enumerate(grads)])

def triton_features(spatial, temporal, pts, radius=1.0, block=128):
    "The same [N, L·3·C] features as `hexplane_features` (gradients to the planes only)."
    if pts.requires_grad: raise ValueError("triton_features gives no gradient w.r.t. the points: use hexplane_features")
    q = normalize_pts(pts, radius).contiguous()
    planes = [p.contiguous() for p in spatial] + [p.contiguous() for p in (temporal if temporal is not None else spatial)]
    return _Features.apply(q, block, temporal is not None, *planes)

def check(dev, n=300, levels=(8, 16, 32), rt=(8, 16, 16), C=4):
    "Features and plane gradients equal hexplane_features' (float32), temporal planes non-zero and not square."
    g = torch.Generator().manual_seed(0)
    sp = [torch.randn(3, C, r, r, generator=g).to(dev).requires_grad_() for r in levels]
    tp = [torch.randn(3, C, t, r, generator=g).to(dev).requires_grad_() for r, t in zip(levels, rt)]
    pts = torch.cat([torch.rand(n, 3, generator=g) * 2.2 - 1.1, torch.rand(n, 1, generator=g)], -1).to(dev)  # some outside the box
    pts[:3, :3] = torch.tensor([[1., -1., 1.], [-1., 1., 0.], [0.5, 1., -1.]])
    for temporal in (tp, None):
        ref, new = hexplane_features(sp, temporal, pts), triton_features(sp, temporal, pts)
        assert (ref - new).abs().max() < 1e-5, (ref - new).abs().max()
        w = torch.randn_like(ref)
        params = sp + (tp if temporal is not None else [])
        gr = torch.autograd.grad((ref * w).sum(), params); gn = torch.autograd.grad((new * w).sum(), params)
        for a, b in zip(gr, gn): assert (a - b).abs().max() < 1e-4, (a - b).abs().max()
    try: triton_features(sp, tp, pts.requires_grad_()); raise AssertionError("points with a gradient must be refused")
    except ValueError: pass
    print(f"check passed on {dev}: features and plane gradients equal hexplane_features' (with and without temporal planes)")

def time_features(variants, ns, dev, iters, half=1.0) -> dict:
    """The paper field's features (7 levels up to 2048², C = 8, temporal planes non-zero), forward+backward into the planes
    and forward alone, median of `iters`: grid_sample with the package's 64 copies against each of
    `variants(spatial, temporal, pts) -> {name: callable}`, for N points in [-half, half]³ ordered as along rays."""
    from timing import time_step
    f = HexPlaneField(HexPlaneConfig(grad_copies=64)).to(dev); f.static = False
    with torch.no_grad():
        for p in f.temporal: p.normal_(0, 0.1)
    sp, tp = list(f.spatial), list(f.temporal)
    res = dict(meta=dict(gpu=torch.cuda.get_device_name() if dev.type == 'cuda' else 'cpu', torch=torch.__version__, triton=triton.__version__))
    g = torch.Generator(dev).manual_seed(0)
    for n in ns:
        pts = torch.cat([torch.rand(n, 3, device=dev, generator=g) * 2 * half - half, torch.rand(n, 1, device=dev, generator=g)], -1)
        pts = pts[pts[:, 0].argsort()]  # neighbours close in space, as along rays
        runs = dict(grid_sample=lambda: hexplane_features(sp, tp, pts, copies=64 if torch.is_grad_enabled() else 1), **variants(sp, tp, pts))
        res[n] = {}
        for k, fn in runs.items():
            def train(): f.zero_grad(set_to_none=True); fn().sum().backward()
            def infer():
                with torch.no_grad(): fn()
            res[n][k] = dict(train=time_step(train, dev, 3, iters)['median_ms'], infer=time_step(infer, dev, 3, iters)['median_ms'])
            print(f"N={n:>8,} {k:12s} fwd+bwd {res[n][k]['train']:7.2f} ms  fwd {res[n][k]['infer']:6.2f} ms", flush=True)
    return res

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--check', action='store_true'); ap.add_argument('--ns', default='262144,1048576')
    ap.add_argument('--iters', type=int, default=20); ap.add_argument('--out', default='/tmp/triton_hexplane.json')
    a = ap.parse_args()
    dev = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    check(dev)
    if a.check: raise SystemExit
    res = time_features(lambda sp, tp, pts: {f'triton_b{b}': (lambda b=b: triton_features(sp, tp, pts, block=b)) for b in (64, 128, 256)},
                        map(int, a.ns.split(',')), dev, a.iters, half=1.0)
    json.dump(res, open(a.out, 'w'), indent=1)
