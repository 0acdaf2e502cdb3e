"""Can the HexPlane of MAV3D's Eq. 1 represent a spinning texture? (issue 5). Plain regression, no rendering, no
prior: fit the colour of "a yellow sphere spinning" (4-fold stripes turning about z) at points inside the object, with
the `fast` preset's field, its lr and Adam, and measure how much of the colour's change over time the fit explains
(R² of the part that varies with t at fixed positions). Eq. 1 combines each spatial plane with its temporal partner by
a sum, P_xy + P_zt; the original HexPlane (Cao & Johnson) by a product, P_xy ⊙ P_zt (temporal planes start at one).
A turning texture, cos 4(θ(x, y) − ωt), is a product of a function of (x, y) and one of t: a sum of plane features
can only reach it through the MLP. (The other motions move the object's shape, which a sum represents: a sphere
bouncing is x² + y² + (z − h(t))² < r², a feature of (x, y) plus one of (z, t).)

    python bench/spin_fit.py --steps 600 --out bench/results/s16/spin_fit.json
"""
import argparse, json
import torch
from mav3d.hexplane import HexPlaneField, sample_planes, normalize_pts, _SPACE_IDX, _TIME_IDX
from mav3d.train import TrainConfig
from mav3d.toyworld import make_scene

def features(f, pts, combine):
    "Eq. 1's features (the library's own), or the same planes combined by a product."
    if combine == 'sum': return f.features(pts)
    q = normalize_pts(pts, f.cfg.radius)
    uv_s, uv_t = q[:, _SPACE_IDX].transpose(0, 1), q[:, _TIME_IDX].transpose(0, 1)
    out = []
    for s, t in zip(f.spatial, f.temporal):
        a, b = sample_planes(s, uv_s), sample_planes(t, uv_t)
        out.append((a * b).permute(2, 0, 1).flatten(1))
    return torch.cat(out, -1)

def inside(scene, n, g):
    "n points (x, y, z, t) inside the object."
    pts = []
    while sum(len(p) for p in pts) < n:
        p = torch.cat([torch.rand(20000, 3, generator=g) * 1.2 - 0.6, torch.rand(20000, 1, generator=g)], -1)
        pts.append(p[scene(p)[0] > 30])
    return torch.cat(pts)[:n]

def fit(prompt, combine, steps, lr, seed=0):
    torch.manual_seed(seed); g = torch.Generator().manual_seed(seed)
    scene = make_scene(prompt, 0)
    f = HexPlaneField(TrainConfig.preset('fast').field); f.static = False
    if combine == 'product':
        with torch.no_grad():
            for t in f.temporal: t.fill_(1.)
    opt = torch.optim.Adam(f.parameters(), lr=lr)
    train = inside(scene, 200_000, g)
    for i in range(steps):
        p = train[torch.randint(len(train), (16384,), generator=g)]
        loss = (torch.sigmoid(f.mlp(features(f, p, combine))[:, 1:]) - scene(p)[1]).square().mean()
        opt.zero_grad(); loss.backward(); opt.step()
    # held out: positions inside the object at t = 0, each seen at 16 times
    xyz = inside(scene, 4000, torch.Generator().manual_seed(99))[:, :3]
    ts = torch.linspace(0, 1, 16)
    pts = torch.cat([xyz[:, None].expand(-1, 16, 3), ts[None, :, None].expand(len(xyz), 16, 1)], -1).reshape(-1, 4)
    keep = (scene(pts)[0] > 30).reshape(-1, 16).all(1)          # positions inside at every time
    pts = pts.reshape(-1, 16, 4)[keep].reshape(-1, 4)
    with torch.no_grad(): pred, true = torch.sigmoid(f.mlp(features(f, pts, combine))[:, 1:]).reshape(-1, 16, 3), scene(pts)[1].reshape(-1, 16, 3)
    dyn = lambda x: x - x.mean(1, keepdim=True)
    r2 = 1 - (dyn(pred) - dyn(true)).square().sum() / dyn(true).square().sum().clamp(min=1e-12)
    return dict(loss=loss.item(), r2_dynamic=r2.item(), dynamic_rms_true=dyn(true).square().mean().sqrt().item(),
                dynamic_rms_pred=dyn(pred).square().mean().sqrt().item(), positions=int(keep.sum()))

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--steps', type=int, default=600); ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--out', default='spin_fit.json'); a = ap.parse_args()
    res = {}
    for prompt in ('a yellow sphere spinning', 'a green cone spinning'):
        for combine in ('sum', 'product'):
            r = res[f'{prompt} / {combine}'] = fit(prompt, combine, a.steps, a.lr)
            print(f"{prompt:28s} {combine:8s} R² of the change over time {r['r2_dynamic']:.3f}  (rms {r['dynamic_rms_pred']:.4f} "
                  f"vs {r['dynamic_rms_true']:.4f}; final loss {r['loss']:.2e}; {r['positions']} positions)", flush=True)
    json.dump(dict(steps=a.steps, lr=a.lr, results=res), open(a.out, 'w'), indent=1)

if __name__ == '__main__': main()
