#!/usr/bin/env python
"""A prepared experiment (issue 8, session 30), not part of the package: the HexPlane features with the plane gradients
added by 16-byte vector atomics. The SRFT step's largest kernel is `grid_sampler_2d_backward` (36 % of its GPU time,
bench/NOTES.md, session 30): one scalar float32 atomic per channel, corner, plane and point. Hopper adds
`red.global.add.v4.f32`, four floats in one atomic; Triton 3.8 does not emit it for a tile of adjacent addresses (its
PTX has one `atom.global.add.f32` per element), so the backward here writes it with inline PTX. The planes are sampled
from channels-last copies [3, H, W, C], so a corner's C = 8 channels are 32 contiguous bytes: two vector atomics per
corner instead of eight scalar ones, into a channels-last gradient buffer that is transposed back once per level
(for the levels of side <= 256, optionally K copies of it, a block of points to each, summed afterwards: the package's
copies done inside the kernel). Otherwise as `triton_hexplane.py` (one launch per level, gradients to the planes only).

  python3 bench/triton_planes_v4.py --out /tmp/triton_planes_v4.json     # GPU (sm_90): check against hexplane_features, then time
  python3 bench/triton_planes_v4.py --ptx                                # any machine: compile the backward for sm_90, count its atomics

Prediction (written before any GPU run): the backward's atomic instructions fall 4x; where they are not colliding
(the large levels, points in ray order) the features' forward+backward at 2^23 points falls from ≈ 6 ms a plane to
≈ 3, and the whole field's by 30-40 % against grid_sample with the package's 64 copies. The small levels, without
copies, may collide as in session 21.
"""
import argparse, json
import torch
import triton, triton.language as tl
from mav3d.hexplane import hexplane_features, normalize_pts
from triton_hexplane import _corners, _coords, time_features   # NB: bench/ is the script's folder, so on sys.path

@triton.jit
def _red_v4(ptr, a, b, c, d):  # *ptr[0:4] += (a, b, c, d): one 16-byte atomic (sm_90), no value returned
    return tl.inline_asm_elementwise("red.relaxed.gpu.global.add.v4.f32 [$1], {$2, $3, $4, $5}; mov.u32 $0, 0;",
                                     "=r,l,f,f,f,f", [ptr.to(tl.int64), a, b, c, d], dtype=tl.int32, is_pure=False, pack=1)

@triton.jit
def _bilerp_cl(ptr, u, v, H, W, c, m, C: tl.constexpr):  # ptr: one channels-last [H, W, C] plane -> [BLOCK, C]
    x0, y0, fx, fy = _corners(u, v, H, W)
    base = ptr + ((y0 * W + x0) * C)[:, None] + c[None, :]
    mm = m[:, None]
    f = tl.load(base, mask=mm) * ((1 - fx) * (1 - fy))[:, None] + tl.load(base + C, mask=mm) * (fx * (1 - fy))[:, None]
    return f + tl.load(base + W * C, mask=mm) * ((1 - fx) * fy)[:, None] + tl.load(base + (W + 1) * C, mask=mm) * (fx * fy)[:, None]

@triton.jit
def _scatter_cl(ptr, u, v, H, W, m, g_ptr, C: tl.constexpr):  # add the point gradients g_ptr[0:8] into the 4 corners
    x0, y0, fx, fy = _corners(u, v, H, W)
    at = ptr + tl.where(m, (y0 * W + x0) * C, 0)                 # NB: masked lanes add zeros at the plane's start
    w00, w10 = tl.where(m, (1 - fx) * (1 - fy), 0.), tl.where(m, fx * (1 - fy), 0.)
    w01, w11 = tl.where(m, (1 - fx) * fy, 0.), tl.where(m, fx * fy, 0.)
    for h in tl.static_range(2):                                 # channels 0-3, then 4-7
        g0 = tl.load(g_ptr + 4 * h + 0, mask=m, other=0.); g1 = tl.load(g_ptr + 4 * h + 1, mask=m, other=0.)
        g2 = tl.load(g_ptr + 4 * h + 2, mask=m, other=0.); g3 = tl.load(g_ptr + 4 * h + 3, mask=m, other=0.)
        _red_v4(at + 4 * h, w00 * g0, w00 * g1, w00 * g2, w00 * g3)
        _red_v4(at + C + 4 * h, w10 * g0, w10 * g1, w10 * g2, w10 * g3)
        _red_v4(at + W * C + 4 * h, w01 * g0, w01 * g1, w01 * g2, w01 * g3)
        _red_v4(at + (W + 1) * C + 4 * h, w11 * g0, w11 * g1, w11 * g2, w11 * g3)

@triton.jit
def _level_cl(q_ptr, s_ptr, t_ptr, feat_ptr, N, R, T, feat_stride, col0, K,
              C: tl.constexpr, BLOCK: tl.constexpr, TEMPORAL: tl.constexpr, BACKWARD: tl.constexpr):
    """One level for a block of points, channels-last planes: write its features, or add their gradients into the planes'
    (block b into copy b % K of the gradient buffers [K, 3, ., ., C], summed afterwards: fewer colliding atomics)."""
    n = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    m = n < N
    c = tl.arange(0, C)
    for p in tl.static_range(3):
        su, sv, tu, tv = _coords(q_ptr, n, m, p)
        if BACKWARD:  # s_ptr, t_ptr: the planes' channels-last gradients; feat_ptr: the features' gradient
            g_ptr, k = feat_ptr + n * feat_stride + col0 + p * C, (tl.program_id(0) % K).to(tl.int64)
            _scatter_cl(s_ptr + k * 3 * R * R * C + p * R * R * C, su, sv, R, R, m, g_ptr, C)
            if TEMPORAL: _scatter_cl(t_ptr + k * 3 * T * R * C + p * T * R * C, tu, tv, T, R, m, g_ptr, C)
        else:
            f = _bilerp_cl(s_ptr + p * R * R * C, su, sv, R, R, c, m, C)
            if TEMPORAL: f += _bilerp_cl(t_ptr + p * T * R * C, tu, tv, T, R, c, m, C)
            tl.store(feat_ptr + n[:, None] * feat_stride + col0 + p * C + c[None, :], f, mask=m[:, None])

cl = lambda p: p.permute(0, 2, 3, 1).contiguous()   # [3, C, H, W] -> [3, H, W, C]

class _FeaturesV4(torch.autograd.Function):
    @staticmethod
    def forward(ctx, q, block, copies, temporal_on, *planes):  # planes: L spatial [3, C, r, r], then L temporal [3, C, t, r]
        L, C = len(planes) // 2, planes[0].shape[1]
        out, grid = q.new_empty(len(q), L * 3 * C), (triton.cdiv(len(q), block),)
        for l in range(L):
            s, t = planes[l], planes[L + l]
            _level_cl[grid](q, cl(s), cl(t), out, len(q), s.shape[-1], t.shape[-2], out.stride(0), l * 3 * C, 1, C=C, BLOCK=block,
                            TEMPORAL=temporal_on, BACKWARD=False)
        ctx.save_for_backward(q, *planes); ctx.block, ctx.copies, ctx.temporal_on = block, copies, temporal_on
        return out

    @staticmethod
    def backward(ctx, gout):
        q, *planes = ctx.saved_tensors
        L, C, gout = len(planes) // 2, planes[0].shape[1], gout.contiguous()
        grads, grid = [], (triton.cdiv(len(q), ctx.block),)
        for l in range(L):
            s, t = planes[l], planes[L + l]
            K = ctx.copies if s.shape[-1] <= 256 else 1                                   # as the package's copies
            gs, gt = (p.new_zeros(K, p.shape[0], p.shape[2], p.shape[3], C) for p in (s, t))   # channels-last
            _level_cl[grid](q, gs, gt, gout, len(q), s.shape[-1], t.shape[-2], gout.stride(0), l * 3 * C, K,
                            C=C, BLOCK=ctx.block, TEMPORAL=ctx.temporal_on, BACKWARD=True, num_warps=min(4, ctx.block // 32))
            grads.append((gs.sum(0).permute(0, 3, 1, 2), gt.sum(0).permute(0, 3, 1, 2)))
        sg = [g[0] for g in grads]; tg = [g[1] if ctx.temporal_on else None for g in grads]
        return (None, None, None, None, *sg, *tg)

def features_v4(spatial, temporal, pts, radius=1.0, block=128, copies=1):
    "The same [N, L·3·C] features as `hexplane_features` (C = 8; gradients to the planes only)."
    if pts.requires_grad: raise ValueError("features_v4 gives no gradient w.r.t. the points: use hexplane_features")
    if spatial[0].shape[1] != 8: raise ValueError("features_v4 adds a corner's channels as two vectors of 4: C must be 8")
    # NB: inline asm is not predicated like tl.atomic_add: a block smaller than the launch's threads (4 warps = 128) holds
    # each point in several threads, and each would add it (the first GPU check, session 31: gradients 2x at block 64).
    # The backward launches block // 32 warps (at most 4), so every point is in exactly one thread.
    if block < 32 or block % 32: raise ValueError(f"block={block}: use a multiple of 32 (one thread per point in the backward)")
    q = normalize_pts(pts, radius).contiguous()
    planes = list(spatial) + list(temporal if temporal is not None else spatial)
    return _FeaturesV4.apply(q, block, copies, temporal is not None, *planes)

def check(dev, n=3000, levels=(8, 16, 32), rt=(8, 16, 16)):
    "Features and plane gradients equal hexplane_features' (float32), temporal planes non-zero and not square."
    g = torch.Generator().manual_seed(0)
    sp = [torch.randn(3, 8, r, r, generator=g).to(dev).requires_grad_() for r in levels]
    tp = [torch.randn(3, 8, t, r, generator=g).to(dev).requires_grad_() for r, t in zip(levels, rt)]
    pts = torch.cat([torch.rand(n, 3, generator=g) * 2.2 - 1.1, torch.rand(n, 1, generator=g)], -1).to(dev)  # some outside the box
    for temporal in (tp, None):
        for k, b in ((1, 64), (4, 128), (1, 256)):   # 2, 4 and 4 warps: one and two points a thread
            ref, new = hexplane_features(sp, temporal, pts), features_v4(sp, temporal, pts, block=b, copies=k)
            assert (ref - new).abs().max() < 1e-5, (ref - new).abs().max()
            w = torch.randn_like(ref)
            params = sp + (tp if temporal is not None else [])
            gr = torch.autograd.grad((ref * w).sum(), params); gn = torch.autograd.grad((new * w).sum(), params)
            for a, b in zip(gr, gn): assert (a - b).abs().max() < 1e-3, (a - b).abs().max()
    print(f"check passed on {dev}: features and plane gradients equal hexplane_features' (with and without temporal planes)")

def ptx_atomics():
    "Compile the backward for sm_90 (no GPU needed) and count its global atomics by kind."
    from triton.backends.compiler import GPUTarget
    sig = dict(q_ptr='*fp32', s_ptr='*fp32', t_ptr='*fp32', feat_ptr='*fp32', N='i32', R='i32', T='i32', feat_stride='i32',
               col0='i32', K='i32', C='constexpr', BLOCK='constexpr', TEMPORAL='constexpr', BACKWARD='constexpr')
    src = triton.compiler.ASTSource(fn=_level_cl, signature=sig, constexprs=dict(C=8, BLOCK=128, TEMPORAL=True, BACKWARD=True))
    ptx = triton.compile(src, target=GPUTarget('cuda', 90, 32)).asm['ptx']
    kinds = [l.split()[0] for l in ptx.splitlines() if ('red.' in l or 'atom.' in l) and 'shared' not in l]
    print({k: kinds.count(k) for k in sorted(set(kinds))})

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--ptx', action='store_true'); ap.add_argument('--ns', default='1048576,8388608')
    ap.add_argument('--iters', type=int, default=20); ap.add_argument('--out', default='/tmp/triton_planes_v4.json')
    a = ap.parse_args()
    if a.ptx: ptx_atomics(); raise SystemExit
    dev = torch.device('cuda')
    check(dev)
    res = time_features(lambda sp, tp, pts: {f'v4_b{b}_k{k}': (lambda b=b, k=k: features_v4(sp, tp, pts, block=b, copies=k))
                                             for b in (64, 128, 256) for k in (1, 64)},
                        map(int, a.ns.split(',')), dev, a.iters, half=0.6)
    json.dump(res, open(a.out, 'w'), indent=1)
