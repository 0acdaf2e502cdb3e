#!/usr/bin/env python
"""The timing of the HexPlane features with the plane gradients added by 16-byte vector atomics (issue 8, sessions 30-31;
the kernel is now the package's, chapter 02a, `mav3d.planes_triton`). The SRFT step's largest kernel is `grid_sampler_2d_backward` (36 % of its GPU time,
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

Outcome (session 31, H100, bench/NOTES.md): −58 % at 2^20 points, −77 % at 2^23 (blocks of 128, 64 buffers), after a
first check on the card found the gradients doubled (inline asm is not predicated: a block of 64 points in 128 threads
added each point twice; the backward now launches block // 32 warps).
"""

import argparse, json
import torch
import triton
from mav3d.planes_triton import _level, triton_features, check_against_grid_sample
from triton_hexplane import time_features   # NB: bench/ is the script's folder, so on sys.path

def ptx_atomics():
    "Compile the backward for sm_90 (no GPU needed) and count its global atomics by kind."
    from triton.backends.compiler import GPUTarget
    sig = dict(q_ptr='*fp32', s_ptr='*fp32', t_ptr='*fp32', feat_ptr='*fp32', N='i32', R='i32', T='i32', feat_stride='i32',
               col0='i32', K='i32', C='constexpr', BLOCK='constexpr', TEMPORAL='constexpr', BACKWARD='constexpr', VECTOR='constexpr')
    src = triton.compiler.ASTSource(fn=_level, signature=sig, constexprs=dict(C=8, BLOCK=128, TEMPORAL=True, BACKWARD=True, VECTOR=True))
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
    check_against_grid_sample(dev); print(f"check passed on {dev}: features and plane gradients equal hexplane_features'")
    res = time_features(lambda sp, tp, pts: {f'v4_b{b}_k{k}': (lambda b=b, k=k: triton_features(sp, tp, pts, block=b, copies=k))
                                             for b in (64, 128, 256) for k in (1, 64)},
                        map(int, a.ns.split(',')), dev, a.iters, half=0.6)
    json.dump(res, open(a.out, 'w'), indent=1)
