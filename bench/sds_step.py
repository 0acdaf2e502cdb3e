#!/usr/bin/env python
"""Time one SDS-T step and one SR-SDS step of MAV3D with full-size prior architectures (random weights).

Builds the ModelScope text-to-video-ms-1.7b UNet3D + SD VAE and the x4-upscaler UNet + VAE from the JSON
configs in bench/configs/ (no download, random weights, bf16 by default), then times, with warm-up, CUDA
events and the median of --iters steps:

  sds_t       : batch 8 x 16 frames x 64x64 renders -> resized to 256x256 -> VAE encode (grad) -> UNet3D with
                CFG (one doubled batch) -> SDS-T loss -> backward through the VAE encoder to the renders
  sr_sds      : batch 8 x 16 frames of 256x256 -> x4 VAE encode (grad) -> x4 UNet per frame (7 channels,
                clean 64x64 low-res condition), guidance 1 (MAV3D's SR model has no text) -> backward
  sr_sds_cfg  : the same with classifier-free guidance (7.5, doubled batch)

Prints a table and writes JSON to --out. `--tiny` runs tiny configs on CPU (a smoke test).

  python bench/sds_step.py --out bench/out/sds_step.json          # on a CUDA GPU
  python bench/sds_step.py --tiny --device cpu --iters 2 --warmup 1 # smoke test
"""
import argparse, json, statistics, time
from pathlib import Path
import torch
from timing import time_step  # bench/timing.py
import diffusers
from diffusers import AutoencoderKL, DDPMScheduler, UNet2DConditionModel, UNet3DConditionModel
from mav3d.priors import ModelScopePrior, TextCond, X4UpscalerPrior, tiny_configs
from mav3d.sds import sds_loss, sr_sds_loss

diffusers.utils.logging.set_verbosity_error()
CONFIGS = Path(__file__).resolve().parent / 'configs'

def load_cfg(name):
    return {k: v for k, v in json.loads((CONFIGS / f'{name}.json').read_text()).items() if not k.startswith('_')}

def n_params(m): return sum(p.numel() for p in m.parameters())

def build(family, tiny, device, dtype, chunk, grad_ckpt):
    "A frozen prior of `family` ('modelscope' or 'x4') with random weights, built directly on `device`."
    if tiny: c = tiny_configs(family); unet_cfg, vae_cfg, sched_cfg = c['unet'], c['vae'], c['scheduler']
    else:
        pre = 'ms_t2v_1.7b' if family == 'modelscope' else 'x4_upscaler'
        unet_cfg, vae_cfg, sched_cfg = load_cfg(f'{pre}_unet'), load_cfg(f'{pre}_vae'), load_cfg(f'{pre}_scheduler')
    unet_cls, prior_cls = (UNet3DConditionModel, ModelScopePrior) if family == 'modelscope' else (UNet2DConditionModel, X4UpscalerPrior)
    with torch.device(device):
        unet, vae = unet_cls.from_config(unet_cfg).to(dtype), AutoencoderKL.from_config(vae_cfg).to(dtype)
    if grad_ckpt: vae.enable_gradient_checkpointing()
    sched = DDPMScheduler.from_config(sched_cfg)
    return prior_cls(unet, vae, None, None, sched.alphas_cumprod, sched.config.prediction_type, chunk=chunk).to(device)

def random_cond(prior, B, L, device, dtype, gen):
    D = prior.unet.config.cross_attention_dim
    return TextCond(torch.randn(B, L, D, generator=gen, device=device, dtype=dtype),
                    torch.randn(B, L, D, generator=gen, device=device, dtype=dtype))

def make_step(prior, x, cond, gen, sr, guidance):
    def step():
        if sr: loss, info = sr_sds_loss(prior, x, cond, guidance, generator=gen)
        else: loss, info = sds_loss(prior, x, cond, guidance, generator=gen)
        loss.backward()
        assert x.grad is not None and not info['nonfinite']
        x.grad = None
    return step

def run(name, fn, args, results):
    try: results[name] = fn()
    except torch.cuda.OutOfMemoryError as e:
        results[name] = dict(error=f'OOM: {str(e).splitlines()[0]}')
    if args.device.startswith('cuda'): torch.cuda.empty_cache()

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--tiny', action='store_true', help='tiny configs (CPU smoke test)')
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--dtype', default=None, help='bfloat16 (default on CUDA) | float16 | float32 (default on CPU)')
    p.add_argument('--batch', type=int, default=8); p.add_argument('--frames', type=int, default=16)
    p.add_argument('--render', type=int, default=64, help='SDS-T render size (resized to the T2V model resolution)')
    p.add_argument('--hires', type=int, default=256, help='SR-SDS high-res render size')
    p.add_argument('--t2v-guidance', type=float, default=100.); p.add_argument('--sr-cfg-guidance', type=float, default=7.5)
    p.add_argument('--chunk', type=int, default=16, help='frames per VAE call')
    p.add_argument('--grad-ckpt', action='store_true', help='gradient checkpointing in the VAE encoders')
    p.add_argument('--warmup', type=int, default=3); p.add_argument('--iters', type=int, default=10)
    p.add_argument('--only', default='sds_t,sr_sds,sr_sds_cfg'); p.add_argument('--out', default='bench/out/sds_step.json')
    a = p.parse_args()
    if a.tiny and a.render == 64: a.render, a.hires = 8, 16
    dtype = getattr(torch, a.dtype or ('bfloat16' if a.device.startswith('cuda') else 'float32'))
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
    gen = torch.Generator(a.device).manual_seed(0)
    results, meta = {}, dict(tiny=a.tiny, device=a.device, dtype=str(dtype), batch=a.batch, frames=a.frames,
                             gpu=torch.cuda.get_device_name() if a.device.startswith('cuda') else None, torch=torch.__version__)
    todo = a.only.split(',')
    if 'sds_t' in todo:
        ms = build('modelscope', a.tiny, a.device, dtype, a.chunk, a.grad_ckpt)
        meta.update(t2v_unet_params=n_params(ms.unet), t2v_vae_params=n_params(ms.vae), t2v_resolution=ms.resolution)
        x = torch.rand(a.batch, a.frames, 3, a.render, a.render, device=a.device, generator=gen).requires_grad_()
        cond = random_cond(ms, a.batch, 77, a.device, dtype, gen)
        run('sds_t', lambda: time_step(make_step(ms, x, cond, gen, False, a.t2v_guidance), a.device, a.warmup, a.iters), a, results)
        del ms, x, cond
    if {'sr_sds', 'sr_sds_cfg'} & set(todo):
        x4 = build('x4', a.tiny, a.device, dtype, a.chunk, a.grad_ckpt)
        meta.update(sr_unet_params=n_params(x4.unet), sr_vae_params=n_params(x4.vae), sr_scale=x4.scale)
        x = torch.rand(a.batch, a.frames, 3, a.hires, a.hires, device=a.device, generator=gen).requires_grad_()
        cond = random_cond(x4, a.batch, 77, a.device, dtype, gen)
        for name, s in [('sr_sds', 1.), ('sr_sds_cfg', a.sr_cfg_guidance)]:
            if name in todo: run(name, lambda: time_step(make_step(x4, x, cond, gen, True, s), a.device, a.warmup, a.iters), a, results)
    print(f"{'step':<12}{'median ms':>12}{'peak GiB':>10}   ({meta['device']} {meta['gpu'] or ''} {meta['dtype']}, B={a.batch} F={a.frames})")
    for k, r in results.items():
        if 'error' in r: print(f"{k:<12}{r['error']}")
        else: print(f"{k:<12}{r['median_ms']:>12.1f}{r['peak_mem_gib'] or float('nan'):>10.2f}")
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(dict(meta=meta, results=results), indent=2))
    print('wrote', out)

if __name__ == '__main__': main()
