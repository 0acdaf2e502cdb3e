"""Is the temporal planes' backward slowed by atomics colliding? (issue 8, session 30) In a training step every point
of a frame has the same t, so on a temporal plane [C, T, R] the points of one frame all add their gradients into the
same two rows: the finest level's 2048 columns take ~10^5 points each, where a spatial plane of the same size spreads
them over 2048² texels. grid_sample forward + backward into one [1, 8, 2048, 2048] plane for 2^20 points whose v takes
1, 2, 16, 128 values or is uniform, in ray-like order (sorted by u), shuffled, and frame-major (by v, then u); median of 10 after 3 warm-up.

    python3 bench/time_plane_contention.py > time_plane_contention.txt     # GPU, seconds
"""
import os, torch, torch.nn.functional as F, time

def ms(plane, uv, reps=10):
    g = uv.view(1, 1, -1, 2); ts = []
    for i in range(reps + 3):
        plane.grad = None; torch.cuda.synchronize(); t0 = time.perf_counter()
        F.grid_sample(plane, g, align_corners=True).sum().backward(); torch.cuda.synchronize()
        if i >= 3: ts.append(time.perf_counter() - t0)
    return sorted(ts)[len(ts) // 2] * 1e3

if __name__ == '__main__':
    dev, N = 'cuda', int(os.environ.get('N', 1 << 20))   # N=8388608: an SRFT video's evaluations
    gen = torch.Generator(dev).manual_seed(0)
    for R, T in [tuple(map(int, x.split('x'))) for x in os.environ.get('PLANES', '2048x2048,256x256').split(',')]:
        plane = torch.randn(1, 8, T, R, device=dev, requires_grad=True)
        u = torch.rand(N, device=dev, generator=gen) * 1.2 - 0.6       # the ball's share of the columns
        for nt in [int(x) for x in os.environ.get('NT', '1,2,16,128,0').split(',')]:
            v = torch.rand(N, device=dev, generator=gen) * 1.2 - 0.6 if nt == 0 else \
                torch.randint(0, nt, (N,), device=dev, generator=gen).float() / max(nt - 1, 1) * 1.6 - 0.8
            for order in ('sorted', 'shuffled', 'frame-major'):   # frame-major: by v, then u (a render's frames one after another)
                idx = torch.argsort(u) if order == 'sorted' else torch.argsort(v * 8 + u) if order == 'frame-major' else \
                      torch.randperm(N, device=dev, generator=gen)
                uv = torch.stack([u[idx], v[idx]], -1)
                print(f"plane {T}x{R} | v values {nt or 'uniform'} | {order} | {ms(plane, uv):.2f} ms", flush=True)
