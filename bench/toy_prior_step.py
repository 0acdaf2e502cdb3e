"""Time one training step of the toy text-to-video prior (batch of videos / images), fp32 vs bf16 autocast,
and list the kernels that dominate (torch.profiler). Usage: python bench/toy_prior_step.py [--out DIR]"""
import argparse, json, statistics, time
import torch
from timing import time_step  # bench/timing.py
from mav3d.toypriors import ToyPriorConfig, build_toy_t2v, t2v_loss

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--out', default=None); ap.add_argument('--iters', type=int, default=10); ap.add_argument('--compile', action='store_true'); ap.add_argument('--no-profile', action='store_true')
    a = ap.parse_args()
    dev = torch.device('cuda'); torch.backends.cudnn.benchmark = True
    cfg = ToyPriorConfig(); parts = {k: (v.to(dev) if hasattr(v, 'to') else v) for k, v in build_toy_t2v(cfg).items()}
    if a.compile: parts['unet'] = torch.compile(parts['unet'])
    params = list(parts['unet'].parameters()) + list(parts['text_encoder'].parameters())
    opt = torch.optim.AdamW(params, 1e-4)
    prompts = ['a red cube bouncing, front view'] * 32
    rows = {}
    cases = (('video b32 bf16', 16, True), ('image b32 bf16', 1, True)) if a.compile else \
            (('video b32 fp32', 16, False), ('video b32 bf16', 16, True), ('image b32 bf16', 1, True))
    for name, F_, bf16 in cases:
        v = torch.rand(32, F_, 3, cfg.res, cfg.res, device=dev); fps = torch.full((32,), 0.05)
        def step():
            with torch.autocast('cuda', torch.bfloat16, enabled=bf16): loss = t2v_loss(parts, v, prompts, fps)
            opt.zero_grad(); loss.backward(); opt.step()
        rows[name] = time_step(step, dev, 3, a.iters)['median_ms']; print(f"{name}: {rows[name]:.1f} ms", flush=True)
    if a.no_profile:
        if a.out: import pathlib; pathlib.Path(a.out).mkdir(parents=True, exist_ok=True); (pathlib.Path(a.out) / 'toy_prior_step.json').write_text(json.dumps(dict(card=torch.cuda.get_device_name(), compile=a.compile, ms=rows), indent=1))
        return
    v = torch.rand(32, 16, 3, cfg.res, cfg.res, device=dev)
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CUDA]) as prof:
        for _ in range(3):
            with torch.autocast('cuda', torch.bfloat16): loss = t2v_loss(parts, v, prompts, torch.full((32,), 0.05))
            opt.zero_grad(); loss.backward(); opt.step()
        torch.cuda.synchronize()
    table = prof.key_averages().table(sort_by='cuda_time_total', row_limit=15, max_name_column_width=70)
    print(table)
    if a.out:
        import pathlib; p = pathlib.Path(a.out); p.mkdir(parents=True, exist_ok=True)
        (p / 'toy_prior_step.json').write_text(json.dumps(dict(card=torch.cuda.get_device_name(), ms=rows), indent=1))
        (p / 'toy_prior_step_profile.txt').write_text(table)

if __name__ == '__main__': main()
