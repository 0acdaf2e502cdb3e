#!/usr/bin/env python
"""One MAV3D training step of each stage at paper settings, through the real trainer: time, breakdown, FLOP floor, projection.

Builds full-size priors with random weights (no download) from bench/configs/, in the trainer's prior dtype
('auto': bf16 on CUDA), and injects them into `mav3d.train.Trainer(TrainConfig.preset('paper'))`:
  static : SD-2.1-base-size UNet2D + SD VAE (`StableDiffusionPrior`; 64² renders resized to 512²), or with
           --static-prior modelscope the ModelScope UNet3D in image mode (the paper preset's default, t2i_id=None)
  dynamic: ModelScope UNet3D (1.41 B) + SD VAE; SRFT: x4-upscaler UNet + VAE, plus the joint SDS-T (ModelScope)
Field: HexPlaneConfig.paper (7 levels up to 2048²), 128 samples/ray, occupancy grid (updated every 16 steps),
batch 8 × 16 frames × 64², SRFT 8 × 16 × 256². Text embeddings are random (the priors have no text encoder).

Per stage (try/except each; an OOM is reported for that stage):
  1. time `Trainer.train_step()` itself (render, prior, SDS loss, backward, all-reduce, Adam, occupancy update on
     its schedule): median of --iters after --warmup (bench/timing.py: CUDA events), peak memory;
  2. breakdown (--prof-iters steps, methods wrapped at run time, synchronize + perf_counter around each part):
     render fwd (Scene.render), VAE encode fwd (prior.encode), UNet fwd (prior.predict_noise, CFG included),
     backward split by a hook on the rendered rgb (loss→rgb: SDS/VAE-encoder backward; rgb→planes: render
     backward), grad all-reduce, Adam step, occupancy update (per call, amortised over occ_every), other;
  3. FLOPs of the same parts in one step (FlopCounterMode; grid_sample is not counted, so render parts also get an
     estimate of the plane-corner bytes) and the floor = max(FLOPs / peak bf16, bytes / HBM bandwidth);
  4. projection of the paper schedule (5000 + 5000 + 2000 steps) against the paper (≈ 52 A100-h) and the target (≤ 2 H100-h).
Under torchrun each rank renders batch / W (the trainer's own split); rank 0 reports, the JSON records the world size.
`--set k=v` overrides TrainConfig fields (JSON values, e.g. --set batch=1 --set frames=4); the projection then also
shows the hours scaled linearly in rendered pixels to the paper's size. Memory: the paper preset renders in recomputed
chunks of 32768 rays (61 GiB peak for a fresh field's dynamic step, session 18; 44 GiB with compiled priors, session 19);
SRFT at the paper's 8 videos a step is measured at --set srft_batch=1 and scaled ×8. The preset's MLP runs in bf16
(HexPlaneConfig.mlp_dtype) and its priors are compiled (compile_priors: warm up ≥ 2 steps). TF32 stays off.

  python3 bench/paper_step.py                                              # one GPU, all stages
  torchrun --nproc_per_node 4 bench/paper_step.py --stages dynamic,srft --no-breakdown --out bench/results/paper_step_w4.json
  OMP_NUM_THREADS=1 python bench/paper_step.py --tiny --device cpu --iters 2 --warmup 1 --out /tmp/ps.json   # smoke test
"""
import argparse, gc, json, statistics, time, traceback
from collections import defaultdict
from pathlib import Path
import torch, torch.distributed as dist
from torch.utils.flop_counter import FlopCounterMode
from timing import time_step                    # bench/timing.py
from sds_step import build, load_cfg, n_params   # bench/sds_step.py
from diffusers import AutoencoderKL, DDPMScheduler, UNet2DConditionModel
from mav3d.hexplane import HexPlaneConfig
from mav3d.occupancy import cell_centres
from mav3d.priors import StableDiffusionPrior, tiny_configs
from mav3d.train import TrainConfig, Trainer, init_distributed, _dtype

PAPER_HOURS = dict(static=0.5, dynamic=3.0, srft=3.0, gpus=8, gpu_hours=52)  # App. A.3, 8 A100s
TARGET_H100_HOURS = 2.0
PEAKS = [('H100 PCIe', 756, 2.0), ('H100 NVL', 835, 3.9), ('H100', 989, 3.35), ('H200', 989, 4.8),
         ('A100', 312, 2.0), ('B200', 2250, 8.0)]  # name part, dense bf16 TFLOP/s, HBM TB/s

def build_sd(tiny, device, dtype, chunk=16):
    "A frozen SD-2.1-base-size prior with random weights (the SD VAE is ModelScope's)."
    if tiny: c = tiny_configs('sd'); unet_cfg, vae_cfg, sched_cfg = c['unet'], c['vae'], c['scheduler']
    else: unet_cfg, vae_cfg, sched_cfg = load_cfg('sd21_base_unet'), load_cfg('ms_t2v_1.7b_vae'), load_cfg('ms_t2v_1.7b_scheduler')
    with torch.device(device):
        unet, vae = UNet2DConditionModel.from_config(unet_cfg).to(dtype), AutoencoderKL.from_config(vae_cfg).to(dtype)
    sched = DDPMScheduler.from_config(sched_cfg)
    return StableDiffusionPrior(unet, vae, None, None, sched.alphas_cumprod, sched.config.prediction_type, chunk=chunk).to(device)

def random_text(prior, device, dtype, L=77):
    "Replace the text encoder by random embeddings (cached per prompt by the prior, as real ones are)."
    D, g = prior.unet.config.cross_attention_dim, torch.Generator(device).manual_seed(0)
    prior._embed = lambda prompts: torch.randn(len(prompts), L, D, generator=g, device=device, dtype=dtype)
    return prior

def sync(dev):
    if dev.type == 'cuda': torch.cuda.synchronize(dev)

class Parts:
    "Wraps the trainer's pieces at run time; accumulates differences of `meter()` (ms or FLOPs) per part and step."
    def __init__(self, tr, meter):
        self.tr, self.meter, self.cur, self.steps, self.patches, self.mark, self.n_evals = tr, meter, defaultdict(float), [], [], None, []
    def patch(self, obj, name, new):
        self.patches.append((obj, name, obj.__dict__.get(name, None) if not isinstance(obj, type) else getattr(obj, name)))
        setattr(obj, name, new)
    def timed(self, name, fn):
        def w(*a, **k):
            m0 = self.meter(); r = fn(*a, **k); self.cur[name] += self.meter() - m0; return r
        return w
    def __enter__(self):
        tr, seen = self.tr, {}
        def render(*a, **k):
            m0 = self.meter(); out = orig_render(*a, **k); self.cur['render fwd'] += self.meter() - m0
            self.n_evals.append(out['n_evals'])
            if out['rgb'].requires_grad: out['rgb'].register_hook(lambda g: setattr(self, 'mark', self.meter()))
            return out
        orig_render = tr.scene.render; self.patch(tr.scene, 'render', render)
        for role, pr in tr.priors.items():
            if pr is None or id(pr) in seen: continue
            seen[id(pr)] = role
            self.patch(pr, 'encode', self.timed(f'encode fwd [{role}]', pr.encode))
            self.patch(pr, 'predict_noise', self.timed(f'UNet fwd [{role}]', pr.predict_noise))
        orig_backward = torch.Tensor.backward
        def backward(t, *a, **k):
            self.mark = None; m0 = self.meter(); orig_backward(t, *a, **k); m1 = self.meter()
            if self.mark is None: self.cur['backward'] += m1 - m0
            else: self.cur['bwd loss→rgb (SDS, VAE enc)'] += self.mark - m0; self.cur['bwd rgb→field (render)'] += m1 - self.mark
        self.patch(torch.Tensor, 'backward', backward)
        self.patch(dist, 'all_reduce', self.timed('grad all-reduce', dist.all_reduce))
        self.patch(tr.opt, 'step', self.timed('Adam step', tr.opt.step))
        if tr.scene.occupancy is not None: self.patch(tr.scene.occupancy, 'update', self.timed('occupancy update', tr.scene.occupancy.update))
        return self
    def __exit__(self, *exc):
        for obj, name, old in reversed(self.patches):
            if old is None: delattr(obj, name)
            else: setattr(obj, name, old)
    def step(self):
        self.cur = defaultdict(float); m0 = self.meter(); self.tr.train_step(); total = self.meter() - m0
        self.steps.append(dict(self.cur, total=total))

def breakdown(tr, dev, n, occ_every):
    "Median ms per part over n instrumented steps (occupancy: mean per call and amortised per step)."
    meter = lambda: (sync(dev), 1e3 * time.perf_counter())[1]
    with Parts(tr, meter) as P:
        for _ in range(n): P.step()
    names = sorted({k for s in P.steps for k in s} - {'total', 'occupancy update'}, key=PART_ORDER)
    res = {k: statistics.median(s.get(k, 0.) for s in P.steps) for k in names}
    occ = [s['occupancy update'] for s in P.steps if 'occupancy update' in s]
    if occ: res['occupancy update'] = statistics.mean(occ) / occ_every; res['occupancy update (per call)'] = statistics.mean(occ)
    res['other'] = statistics.median(s['total'] - sum(v for k, v in s.items() if k not in ('total', 'occupancy update')) for s in P.steps)
    res['instrumented step'] = statistics.median(s['total'] - s.get('occupancy update', 0.) for s in P.steps) + res.get('occupancy update', 0.)
    return res

def flops(tr, cfg, stage):
    "FLOPs per part of one step (counted once; on an occupancy-update step), plus estimated plane-corner bytes."
    fc = FlopCounterMode(display=False)
    with fc, Parts(tr, lambda: fc.get_total_flops()) as P: P.step()
    f = dict(P.steps[0]); total = f.pop('total'); f['other'] = total - sum(f.values())
    if 'occupancy update' in f: f['occupancy update'] /= cfg.occ_every  # amortised
    fd = cfg.field; planes = 3 if stage == 'static' else 6
    per_eval = fd.n_levels * planes * 4 * fd.feat_dim * 4  # levels × planes × 4 corners × C × fp32 bytes
    b = {'render fwd': sum(P.n_evals) * per_eval, 'bwd rgb→field (render)': 2 * sum(P.n_evals) * per_eval}  # bwd: atomic read+write
    if tr.scene.occupancy is not None:
        b['occupancy update'] = cfg.occ_res ** 3 * (1 if stage == 'static' else 4) * per_eval / cfg.occ_every
    return dict(flops=f, total_flops=total, bytes=b, n_evals=sum(P.n_evals))

ORDER = ['render fwd', 'encode fwd', 'UNet fwd', 'bwd loss', 'bwd rgb', 'backward', 'grad all-reduce', 'Adam step', 'occupancy update', 'other']
def PART_ORDER(k): return next((i for i, o in enumerate(ORDER) if k.startswith(o)), len(ORDER)), k

def run_stage(tr, cfg, stage, a, dev):
    start = dict((s, sum(n for _, n in tr.plan[:i])) for i, (s, _) in enumerate(tr.plan))[stage]
    tr.step, last = start, {}
    def step(): last.update(tr.train_step())
    r = time_step(step, dev, a.warmup, a.iters)
    r.update(n_evals=last.get('n_evals'), n_vis_evals=last.get('n_vis_evals'), occupied=last.get('occupied'))
    if tr.world > 1:  # every rank's median
        meds = [None] * tr.world; dist.all_gather_object(meds, r['median_ms']); r['median_ms_per_rank'] = meds
    if a.profile:  # where the time goes: torch.profiler over 2 steps, the ops with the most CUDA time and the most CPU time
        from torch.profiler import profile, ProfilerActivity
        with profile(activities=[ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if dev.type == 'cuda' else [])) as prof:
            for _ in range(2): step()
            sync(dev)
        ka = prof.key_averages()
        key = 'self_device_time_total' if dev.type == 'cuda' else 'self_cpu_time_total'
        r['profile_device'] = ka.table(sort_by=key, row_limit=25, max_name_column_width=60)
        r['profile_cpu'] = ka.table(sort_by='self_cpu_time_total', row_limit=15, max_name_column_width=60)
        r['profile_device_ms_per_step'] = sum(getattr(e, key) for e in ka) / 2e3
        print(r['profile_device'][:6000], flush=True)
    if a.no_breakdown: return r
    try:  # NB: a failure here keeps the timing
        tr.step = -(-tr.step // cfg.occ_every) * cfg.occ_every  # start on an occupancy update (global step % occ_every == 0)
        r['breakdown_ms'] = breakdown(tr, dev, a.prof_iters, cfg.occ_every)
        tr.step = -(-tr.step // cfg.occ_every) * cfg.occ_every
        r['flops'] = flops(tr, cfg, stage)
    except Exception as e: r['breakdown_error'] = f'{type(e).__name__}: ' + str(e).splitlines()[0][:300]
    return r

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--stages', default='static,dynamic,srft')
    p.add_argument('--tiny', action='store_true', help='tiny priors and field (CPU smoke test)')
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--static-prior', default='sd', choices=['sd', 'modelscope'])
    p.add_argument('--set', action='append', default=[], metavar='K=V', help='override a TrainConfig field (JSON value)')
    p.add_argument('--warmup', type=int, default=3); p.add_argument('--iters', type=int, default=20)
    p.add_argument('--prof-iters', type=int, default=10, help='instrumented steps of the breakdown')
    p.add_argument('--no-breakdown', action='store_true', help='time only (no breakdown, no FLOPs)')
    p.add_argument('--peak-tflops', type=float, default=None); p.add_argument('--peak-tbps', type=float, default=None)
    p.add_argument('--occupied', type=float, default=None, metavar='FRAC',
                   help="fix the occupancy grid to a centred ball of this fraction of cells (a trained scene's sparsity; no updates)")
    p.add_argument('--opaque', type=float, default=None, metavar='TAU',
                   help="add TAU to the field's raw density, so that with --occupied the ball is an opaque object (rays stop in it)")
    p.add_argument('--profile', action='store_true', help='also torch.profiler tables of 2 steps (top ops by device and CPU time)')
    p.add_argument('--out', default='bench/results/paper_step.json')
    a = p.parse_args()
    rank, world = init_distributed()
    dev = torch.device('cuda', torch.cuda.current_device()) if a.device.startswith('cuda') else torch.device(a.device)
    over = dict(s.split('=', 1) for s in a.set)
    for k, v in over.items():
        try: over[k] = json.loads(v)
        except json.JSONDecodeError: pass  # a string
    if a.tiny: over = dict(field=HexPlaneConfig.tiny, res=16, srft_res=32, frames=4, batch=2, srft_batch=2, n_samples=16, occ_res=16,
                       compile_priors=False) | over  # NB: compiling costs a CPU smoke test minutes
    cfg = TrainConfig.preset('paper', device=dev.type, **over)
    paper = TrainConfig.preset('paper')
    stages = [s for s in a.stages.split(',') if s]
    dt = _dtype(cfg, dev)  # the trainer's prior dtype
    torch.manual_seed(0)
    need = {'static': ['image'], 'dynamic': ['video'], 'srft': ['sr', 'video']}
    roles = {r for s in stages for r in need[s]}
    video = build('modelscope', a.tiny, dev, dt, 16, False) if 'video' in roles or ('image' in roles and a.static_prior == 'modelscope') else None
    image = (video if a.static_prior == 'modelscope' else build_sd(a.tiny, dev, dt)) if 'image' in roles else None
    sr = build('x4', a.tiny, dev, dt, 16, False) if 'sr' in roles else None
    priors = dict(image=image, video=video, sr=sr)  # NB: the trainer only touches the priors of the stage it runs
    for pr in {id(v): v for v in priors.values() if v is not None}.values(): random_text(pr, dev, dt)
    tr = Trainer(cfg, out=None, priors=priors, progress=False)
    if a.occupied is not None:  # a trained scene's sparsity: a ball of FRAC of the cells, kept fixed (updates switched off)
        occ = tr.scene.occupancy
        r = occ.radius * (6 * a.occupied / torch.pi) ** (1 / 3)          # ball volume / box volume = FRAC
        occ.mask.copy_((cell_centres(occ.res, occ.radius, occ.mask.device).norm(dim=-1) < r).view_as(occ.mask))
        occ.update = lambda *x, **k: occ
    if a.opaque is not None:
        with torch.no_grad(): tr.scene.field.mlp[-1].bias[0] += a.opaque
    gpu = torch.cuda.get_device_name(dev) if dev.type == 'cuda' else None
    peak = next(((f, b) for n, f, b in PEAKS if gpu and n in gpu), (None, None))
    peak = (a.peak_tflops or peak[0], a.peak_tbps or peak[1])
    meta = dict(opaque=a.opaque, occupied=None if a.occupied is None else tr.scene.occupancy.occupied_fraction, world=world, device=str(dev), gpu=gpu, torch=torch.__version__, prior_dtype=str(dt), tiny=a.tiny, static_prior=a.static_prior,
                overrides={k: str(v) for k, v in over.items()}, peak_tflops=peak[0], peak_tbps=peak[1],
                prior_params={k: n_params(v.unet) + n_params(v.vae) for k, v in priors.items() if v is not None},
                field_params=n_params(tr.scene), field_levels=tr.scene.field.level_res,
                mem_after_build_gib=torch.cuda.memory_allocated(dev) / 2**30 if dev.type == 'cuda' else None,
                cfg=dict(batch=cfg.batch, srft_batch=cfg.srft_batch, res=cfg.res, srft_res=cfg.srft_res, frames=cfg.frames,
                         n_samples=cfg.n_samples, occupancy=cfg.occupancy, occ_every=cfg.occ_every))
    results = {}
    for s in stages:
        try: results[s] = run_stage(tr, cfg, s, a, dev)
        except Exception as e:  # OOM included: report it and go on with the next stage
            oom = isinstance(e, torch.cuda.OutOfMemoryError) or 'out of memory' in str(e)
            results[s] = dict(error=('OOM: ' if oom else f'{type(e).__name__}: ') + str(e).splitlines()[0][:300])
            if not oom and rank == 0: traceback.print_exc()
        tr.opt.zero_grad(set_to_none=True); gc.collect()
        if dev.type == 'cuda': torch.cuda.empty_cache()
        if rank == 0: print(f'[{s}]', results[s].get('error') or f"{results[s]['median_ms']:.1f} ms/step", flush=True)
    if rank == 0: report(results, meta, cfg, paper, peak, a)
    if world > 1: dist.barrier(); dist.destroy_process_group()

def report(results, meta, cfg, paper, peak, a):
    steps = dict(static=paper.static_steps, dynamic=paper.dynamic_steps, srft=paper.srft_steps)
    px = lambda c: dict(static=c.batch * c.res ** 2, dynamic=c.batch * c.frames * c.res ** 2, srft=c.srft_batch * c.frames * c.srft_res ** 2)
    ppx, mpx = px(paper), px(cfg)  # rendered pixels per step: paper, measured
    W, fl, bw = meta['world'], peak[0], peak[1]
    floor_ms = lambda f, b: max(f / (fl * 1e12) if fl else 0, b / (bw * 1e12) if bw else 0) * 1e3 if (fl or bw) else None
    L = [f"### paper_step: {meta['gpu'] or meta['device']} × {W}, torch {meta['torch']}, priors {meta['prior_dtype']}"
         f"{' (TINY)' if meta['tiny'] else ''}", '',
         f"batch {cfg.batch} × {cfg.frames} frames × {cfg.res}², SRFT {cfg.srft_batch} × {cfg.srft_res}², {cfg.n_samples} samples/ray, "
         f"field levels {meta['field_levels']}, occupancy {cfg.occupancy} (every {cfg.occ_every}); static prior {meta['static_prior']}; "
         f"per rank batch / {W}; peak {fl or '?'} TFLOP/s bf16, {bw or '?'} TB/s", '',
         '| stage | ms/step | peak GiB | evals/step (rank 0) | FLOP floor ms | measured/floor | paper steps | projected h (wall, W=%d) |' % W,
         '|---|---:|---:|---:|---:|---:|---:|---:|']
    hours, hours_scaled, notes = {}, {}, []
    for s, r in results.items():
        if 'error' in r: L.append(f"| {s} | {r['error'][:120]} | | | | | {steps[s]} | |"); continue
        if 'breakdown_error' in r: notes.append(f"{s}: breakdown/FLOPs failed: {r['breakdown_error']}")
        fm = sum(floor_ms(f, r['flops']['bytes'].get(k, 0)) for k, f in r['flops']['flops'].items()) if 'flops' in r and (fl or bw) else None
        r['floor_ms'] = fm
        hours[s] = steps[s] * r['median_ms'] / 3.6e6; hours_scaled[s] = hours[s] * (1 if meta['tiny'] else ppx[s] / mpx[s])
        sc = f" ({hours_scaled[s]:.2f} scaled ×{ppx[s] / mpx[s]:g} to paper size)" if ppx[s] != mpx[s] and not meta['tiny'] else ''
        fms, ratio = ('', '') if not fm else (f"{fm:.1f}", f"{r['median_ms'] / fm:.1f}")
        L.append(f"| {s} | {r['median_ms']:.1f} | {r['peak_mem_gib'] or float('nan'):.2f} | {r.get('n_evals') or 0:,} | "
                 f"{fms} | {ratio} | {steps[s]} | {hours[s]:.2f}{sc} |")
    if len(hours) == 3:
        tot, tots = sum(hours.values()), sum(hours_scaled.values())
        L += ['', f"Projected paper schedule: {tot:.2f} h wall on {W} GPU(s) = {tot * W:.2f} GPU-hours"
              + (f" (scaled linearly in rendered pixels to the paper's batch × frames × res²: {tots:.2f} h, {tots * W:.2f} GPU-h)" if tots != tot else '')
              + f"; paper ≈ {PAPER_HOURS['gpu_hours']} A100-hours ({PAPER_HOURS['gpus']} A100s: static ≈ 30 min, dynamic ≈ 3 h, SRFT ≈ 3 h); "
              f"target ≤ {TARGET_H100_HOURS} H100-hours."]
    L += [''] + notes if notes else []
    bd = {s: r for s, r in results.items() if 'breakdown_ms' in r and 'flops' in r}
    if bd:
        L += ['', 'Breakdown (median ms of instrumented steps, synchronised; occupancy amortised over occ_every; FLOPs of one step; '
              'bytes = estimated plane-corner traffic of grid_sample, which FlopCounterMode does not count):', '',
              '| stage | part | ms | GFLOP | est. GB | floor ms | measured/floor |', '|---|---|---:|---:|---:|---:|---:|']
        for s, r in bd.items():
            b, f, by = r['breakdown_ms'], r['flops']['flops'], r['flops']['bytes']
            for k in sorted(set(b) | set(f), key=PART_ORDER):
                if k == 'instrumented step': continue
                ms, fo, bb = b.get(k), f.get(k, 0), by.get(k, 0)
                fm = floor_ms(fo, bb) if k in f else None
                L.append(f"| {s} | {k} | {'' if ms is None else f'{ms:.1f}'} | {f'{fo / 1e9:.1f}' if k in f else ''} | {f'{bb / 1e9:.2f}' if k in by else ''} | "
                         f"{'' if fm is None else f'{fm:.2f}'} | {'' if not fm or ms is None else f'{ms / fm:.1f}'} |")
            parts = sum(v for k, v in b.items() if k not in ('instrumented step', 'occupancy update (per call)', 'other'))
            L.append(f"| {s} | **sum of parts + other / timed step** | {parts + b['other']:.1f} / {r['median_ms']:.1f} | "
                     f"{r['flops']['total_flops'] / 1e9:.1f} | | | |")
        L += ['', 'Parts are synchronised, so they sum to the instrumented step (the syncs add a little over the timed median); '
              '"bwd loss→rgb" is the backward from the loss to the rendered rgb (VAE encoder backward, interpolation, TV), '
              'split from the render backward by a hook on the rgb tensor.']
    md = '\n'.join(L)
    print(md)
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(dict(meta=meta, results=results, hours=hours, hours_batch_scaled=hours_scaled), indent=2, default=str))
    out.with_suffix('.md').write_text(md + '\n')
    print('wrote', out, 'and', out.with_suffix('.md'))

if __name__ == '__main__': main()
