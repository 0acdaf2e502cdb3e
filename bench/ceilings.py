#!/usr/bin/env python
"""Measured ceilings of the card (METHOD.md: copy bandwidth, matmul rates, scattered atomics) and a kernel
breakdown of the HexPlane field forward+backward (paper config, 2^20 points) in fp32 and bf16 autocast.

  python bench/ceilings.py            # on a CUDA GPU; prints a short report
"""
import statistics, torch
from torch.profiler import profile, ProfilerActivity
from mav3d.hexplane import HexPlaneField, HexPlaneConfig

def bench(fn, warmup=3, iters=10):
    for _ in range(warmup): fn()
    torch.cuda.synchronize(); ts = []
    for _ in range(iters):
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record(); fn(); b.record(); torch.cuda.synchronize(); ts.append(a.elapsed_time(b))
    return statistics.median(ts)

def main():
    dev = 'cuda'
    print('card:', torch.cuda.get_device_name(), f'{torch.cuda.get_device_properties(0).total_memory / 2**30:.1f} GiB', 'torch', torch.__version__)
    x = torch.rand(2**29, device=dev); y = torch.empty_like(x)          # 2 GiB fp32
    ms = bench(lambda: y.copy_(x)); print(f'copy 2 GiB d2d: {ms:.3f} ms -> {2 * x.numel() * 4 / ms / 1e9:.2f} TB/s (read+write)')
    del x, y
    n = 8192
    for dt, tf32 in ((torch.float32, False), (torch.float32, True), (torch.bfloat16, False)):
        torch.backends.cuda.matmul.allow_tf32 = tf32
        a, b = torch.randn(n, n, device=dev, dtype=dt), torch.randn(n, n, device=dev, dtype=dt)
        ms = bench(lambda: a @ b); print(f'matmul {n}^3 {dt} tf32={tf32}: {ms:.3f} ms -> {2 * n**3 / ms / 1e9:.0f} TFLOP/s')
    torch.backends.cuda.matmul.allow_tf32 = False
    # scattered fp32 atomics (what grid_sample backward does into the plane grads)
    buf = torch.zeros(2**28, device=dev); idx = torch.randint(0, 2**28, (2**26,), device=dev); val = torch.rand(2**26, device=dev)
    ms = bench(lambda: buf.index_add_(0, idx, val)); print(f'index_add_ 64M random fp32 into 1 GiB: {ms:.3f} ms -> {idx.numel() / ms / 1e6:.1f} G atomics/s')
    del buf, idx, val
    # HexPlane field fwd+bwd kernel breakdown
    torch.manual_seed(0)
    field = HexPlaneField(HexPlaneConfig.paper).to(dev)
    N = 2**20
    pts = torch.cat([torch.rand(N, 3, device=dev) * 2 - 1, torch.rand(N, 1, device=dev)], -1)
    for bf16 in (False, True):
        def step(bwd=True):
            with torch.autocast('cuda', dtype=torch.bfloat16, enabled=bf16):
                d, c = field(pts); loss = d.float().mean() + c.float().mean()
            if bwd: loss.backward(); field.zero_grad(set_to_none=True)
        fwd = bench(lambda: step(False))
        with torch.no_grad(): fwd_ng = bench(lambda: field(pts) if not bf16 else _ac(field, pts))
        full = bench(step)
        print(f'\nfield {"bf16" if bf16 else "fp32"}: fwd (graph kept) {fwd:.2f} ms, fwd no_grad {fwd_ng:.2f} ms, fwd+bwd {full:.2f} ms')
        with profile(activities=[ProfilerActivity.CUDA]) as prof:
            for _ in range(3): step()
            torch.cuda.synchronize()
        print(prof.key_averages().table(sort_by='self_device_time_total', row_limit=12, max_name_column_width=70))

def _ac(field, pts):
    with torch.autocast('cuda', dtype=torch.bfloat16): return field(pts)

if __name__ == '__main__': main()
