#!/usr/bin/env python
"""Time the HexPlane field and the dynamic-stage render of MAV3D (forward + backward), with and without
the occupancy grid, in fp32 and under bf16 autocast.

Cases (paper sizes, App. A.2-A.3; untrained field, random weights):

  field        : HexPlaneField (HexPlaneConfig.paper, dynamic: all six planes) forward + backward on 2^20
                 random space-time points (x, y, z) ~ U[-1, 1]^3, t ~ U[0, 1]
  render       : one dynamic-stage batch, 8 videos x 16 frames x 64x64 with 128 samples per ray (67M samples),
                 dynamic cameras + FPS sampling (mav3d.cameras.sample_cameras), stratified jitter, the
                 Background model, forward + backward of a dummy loss on rgb and acc
  render+occ   : the same with an OccupancyGrid (64^3, n_times=4, 4 updates before timing)

What the occupancy grid sees. An untrained HexPlane has density softplus(~0) ~ 0.7 everywhere, above the
grid's threshold (~0.37 at 128 samples), so a grid built from it would skip nothing. As a stand-in for a
trained scene, both renders use  density = HexPlane density x a soft indicator of a bouncing sphere of
radius 0.35  (mav3d.render.moving_sphere with density 1): the HexPlane is still evaluated at every sample
the renderer asks for, so the field cost is the paper's, and the grid marginalised over time marks the
sphere's trail (about 10% of the box). The dense render evaluates the field at all samples.

Memory. A batch is 524,288 rays; backward through 67M samples of the paper field does not fit one GPU, so
each batch is processed in micro-batches of --micro-rays rays (default 65,536 = one video), each forward +
backward, gradients accumulated -- one optimiser step's work. On OOM a case is retried with half as many
rays per micro-batch (down to 4,096) and the size used is reported.

Reports per case: median ms per batch over --iters timed steps after --warmup (CUDA events on GPU),
samples/s (all samples on the rays) and field evaluations/s, peak torch.cuda.max_memory_allocated, the card
name; writes DIR/field_render.json and DIR/field_render.md.

  python bench/field_render.py --out bench/out                 # on a CUDA GPU
  python bench/field_render.py --tiny --out /tmp/fr            # CPU smoke test (tiny config, small batch)
"""
import argparse, json, math, platform, statistics, time
from dataclasses import asdict, replace
from pathlib import Path
import torch
from timing import time_step  # bench/timing.py
from mav3d.hexplane import HexPlaneField, HexPlaneConfig
from mav3d.background import Background
from mav3d.cameras import sample_cameras
from mav3d.render import render_rays, moving_sphere
from mav3d.occupancy import OccupancyGrid


def masked_scene(field, radius=0.35):
    "HexPlane density x a soft indicator of a bouncing sphere (what the occupancy grid sees); HexPlane colour."
    mask = moving_sphere(radius=radius, density=1.0)
    def scene(pts):
        density, rgb = field(pts)
        return density * mask(pts)[0].to(density.dtype), rgb
    return scene


def autocast(device, bf16):
    return torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16)


def field_case(field, n_pts, device, bf16, args):
    "Forward + backward of the field on n_pts random space-time points."
    g = torch.Generator(device=device).manual_seed(0)
    pts = torch.cat([torch.rand(n_pts, 3, device=device, generator=g) * 2 - 1,
                     torch.rand(n_pts, 1, device=device, generator=g)], -1)
    def step():
        with autocast(device, bf16):
            density, rgb = field(pts)
            loss = density.float().mean() + rgb.float().mean()
        loss.backward()
        field.zero_grad(set_to_none=True)
    r = time_step(step, device, args.warmup, args.iters)
    return dict(r, samples=n_pts, evals=n_pts, samples_per_s=n_pts / r['median_ms'] * 1e3, evals_per_s=n_pts / r['median_ms'] * 1e3)


def render_case(scene, params, bg, rays, n_samples, grid, device, bf16, micro, args):
    "Forward + backward of one batch of rays, in micro-batches of `micro` rays (gradients accumulated)."
    origins, dirs, times = rays
    n_rays, evals = len(origins), []
    g = torch.Generator(device=device).manual_seed(0)
    def step():
        evals.clear()
        for i in range(0, n_rays, micro):
            with autocast(device, bf16):
                out = render_rays(scene, origins[i:i+micro], dirs[i:i+micro], times[i:i+micro], n_samples=n_samples,
                                  background=bg, occupancy=grid, generator=g)
            loss = out['rgb'].square().mean() + out['acc'].mean()   # stands in for SDS-T + regularisers
            loss.backward()
            evals.append(out['n_evals'])
        for p in params: p.grad = None
    r = time_step(step, device, args.warmup, args.iters)
    n_samp, n_ev = n_rays * n_samples, sum(evals)
    return dict(r, samples=n_samp, evals=n_ev, eval_fraction=n_ev / n_samp, micro_rays=micro,
                samples_per_s=n_samp / r['median_ms'] * 1e3, evals_per_s=n_ev / r['median_ms'] * 1e3)


def with_oom_retry(fn, micro, min_micro=4096):
    "Run fn(micro); on CUDA OOM halve micro and retry; an 'error' row when nothing fits."
    while True:
        try: return fn(micro)
        except torch.cuda.OutOfMemoryError as e:
            torch.cuda.empty_cache()
            if micro // 2 < min_micro: return dict(error=f"OOM at {micro} rays per micro-batch: {str(e).splitlines()[0]}")
            micro //= 2


def markdown(rows, meta):
    head = (f"### field_render on {meta['device_name']} (torch {meta['torch']})\n\n"
            "| case | precision | ms / batch | samples / batch | field evals | samples/s | evals/s | peak GiB | rays / micro |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
    lines = []
    for r in rows:
        if 'error' in r: lines.append(f"| {r['case']} | {r['precision']} | {r['error']} |  |  |  |  |  |  |"); continue
        peak = f"{r['peak_mem_gib']:.1f}" if r['peak_mem_gib'] is not None else '-'
        lines.append(f"| {r['case']} | {r['precision']} | {r['median_ms']:.1f} | {r['samples']:,} | {r['evals']:,} "
                     f"({r['evals'] / r['samples']:.1%}) | {r['samples_per_s']:.3g} | {r['evals_per_s']:.3g} | {peak} | {r.get('micro_rays', '-')} |")
    extra = f"\n\nOccupancy: {meta['occupancy']}\n" if 'occupancy' in meta else '\n'
    return head + '\n'.join(lines) + extra


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='bench/out', help='folder for field_render.json and field_render.md')
    ap.add_argument('--tiny', action='store_true', help='tiny config and a small batch (CPU smoke test)')
    ap.add_argument('--device', default=None, help="default: cuda if available, else cpu")
    ap.add_argument('--iters', type=int, default=None, help='timed steps (default 20; tiny 3)')
    ap.add_argument('--warmup', type=int, default=None, help='untimed steps first (default 3; tiny 1)')
    ap.add_argument('--micro-rays', type=int, default=None, help='rays per forward+backward (default one video)')
    ap.add_argument('--cases', default='field,render,render+occ', help='comma-separated subset of the cases')
    ap.add_argument('--precisions', default='fp32,bf16', help='comma-separated subset of fp32,bf16')
    args = ap.parse_args()
    device = torch.device(args.device or ('cuda' if torch.cuda.is_available() else 'cpu'))
    if args.tiny:
        cfg, n_pts, (B, F, H, W), n_samples, grid_res = HexPlaneConfig.tiny, 2**14, (2, 4, 16, 16), 32, 16
    else:
        cfg, n_pts, (B, F, H, W), n_samples, grid_res = HexPlaneConfig.paper, 2**20, (8, 16, 64, 64), 128, 64
    args.iters = args.iters or (3 if args.tiny else 20)
    args.warmup = args.warmup if args.warmup is not None else (1 if args.tiny else 3)
    micro = args.micro_rays or F * H * W
    cases, precisions = args.cases.split(','), args.precisions.split(',')

    torch.manual_seed(0)
    field, bg = HexPlaneField(cfg).to(device), Background().to(device)
    params = list(field.parameters()) + list(bg.parameters())
    scene = masked_scene(field)
    cams = sample_cameras(B, F, generator=torch.Generator().manual_seed(0)).to(device)
    o, d = cams.rays(H, W)
    rays = (o.reshape(-1, 3).contiguous(), d.reshape(-1, 3).contiguous(),
            cams.times[..., None, None].expand(B, F, H, W).reshape(-1).contiguous())
    meta = dict(device=str(device), device_name=torch.cuda.get_device_name(device) if device.type == 'cuda' else platform.processor() or 'cpu',
                torch=torch.__version__, tiny=args.tiny, hexplane=asdict(cfg), n_params=sum(p.numel() for p in field.parameters()),
                batch=dict(videos=B, frames=F, H=H, W=W, n_samples=n_samples, rays=B * F * H * W),
                iters=args.iters, warmup=args.warmup, tf32=torch.backends.cuda.matmul.allow_tf32)
    rows = []
    if 'render+occ' in cases:
        grid = OccupancyGrid(res=grid_res, n_samples=n_samples).to(device)
        gen = torch.Generator(device=device).manual_seed(0)
        with torch.no_grad():
            for _ in range(3): grid.update(scene, n_times=4, generator=gen)
            t = time_step(lambda: grid.update(scene, n_times=4, generator=gen), device, 0, 1)
        meta['occupancy'] = (f"{grid_res}^3 grid over HexPlane density x bouncing-sphere indicator (radius 0.35), "
                             f"4 updates of n_times=4; occupied cells {grid.occupied_fraction:.3f}; one update {t['median_ms']:.1f} ms")
        print(meta['occupancy'])
    out_dir = Path(args.out); out_dir.mkdir(parents=True, exist_ok=True)
    for prec in precisions:
        bf16 = prec == 'bf16'
        for case in cases:
            if case == 'field': r = with_oom_retry(lambda m: field_case(field, n_pts, device, bf16, args), n_pts, min_micro=n_pts)
            elif case in ('render', 'render+occ'):
                r = with_oom_retry(lambda m: render_case(scene, params, bg, rays, n_samples, grid if case == 'render+occ' else None,
                                                         device, bf16, m, args), micro)
            else: raise SystemExit(f"unknown case {case!r}: choose from field, render, render+occ")
            rows.append(dict(case=case, precision=prec, **r))
            print({k: (round(v, 3) if isinstance(v, float) else v) for k, v in rows[-1].items()}, flush=True)
            (out_dir / 'field_render.json').write_text(json.dumps(dict(meta=meta, rows=rows), indent=1))
    md = markdown(rows, meta)
    (out_dir / 'field_render.md').write_text(md)
    print(md)
    print(f"wrote {out_dir / 'field_render.json'} and {out_dir / 'field_render.md'}")


if __name__ == '__main__':
    main()
