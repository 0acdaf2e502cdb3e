"""Why do `fast` runs end as coloured fog? Train one prompt with overrides and watch opacity, background and renders.

python bench/fog_probe.py --out DIR --prompt "a red cube bouncing" --set static_steps=120 dynamic_steps=0 srft=False
Writes DIR/probe.json (per-checkpoint stats) and DIR/probe.png (rows: rgb, acc, background only, at 4 views).
"""
import argparse, json, time
from pathlib import Path
import numpy as np, torch
from mav3d.train import TrainConfig, Trainer
from mav3d.cameras import turntable_cameras

def parse(v):
    try: return json.loads(v)
    except Exception: return {'True': True, 'False': False}.get(v, v)

@torch.no_grad()
def look(tr, res=32):
    sc = tr.scene
    cams = turntable_cameras(4, radius=1.25, device=tr.device)  # the middle of the training cameras' distances (1 to 1.5)
    out = sc.render(cams, res, res)
    rgb, acc = out['rgb'][0], out['acc'][0]                  # [4, 3, H, W], [4, 1, H, W]
    o, d = cams.rays(res, res)
    bg = sc.background(d.reshape(-1, 3)).reshape(4, res, res, 3).permute(0, 3, 1, 2)
    return rgb, acc, bg

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True); ap.add_argument('--prompt', default='a red cube bouncing')
    ap.add_argument('--preset', default='fast'); ap.add_argument('--every', type=int, default=20)
    ap.add_argument('--set', nargs='*', default=[])
    ap.add_argument('--toybg', action='store_true', help='probe only: the toy world\'s fixed background instead of the learned one')
    ap.add_argument('--shift', type=float, default=None, help='probe only: set the raw density output bias at init')
    a = ap.parse_args()
    over = {k: parse(v) for k, v in (s.split('=', 1) for s in a.set)}
    cfg = TrainConfig.preset(a.preset, prompt=a.prompt, preview_every=0, **over)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    tr = Trainer(cfg, out=None, progress=False)
    if a.toybg:
        from mav3d.toyworld import toy_background
        class ToyBG(torch.nn.Module):
            def forward(self, d): return toy_background(d)
        tr.scene.background = ToyBG()
    if a.shift is not None:
        with torch.no_grad(): tr.scene.field.mlp[-1].bias[0] = a.shift
    rows, stats, t0 = [], [], time.time()
    while tr.step < tr.n_steps:
        m = tr.train_step()
        if tr.step % a.every == 0 or tr.step == tr.n_steps:
            rgb, acc, bg = look(tr)
            s = dict(step=tr.step, stage=m['stage'], loss=m['loss'], acc_mean=acc.mean().item(), acc_gt_half=(acc > .5).float().mean().item(),
                     rgb_mean=rgb.mean((0, 2, 3)).tolist(), bg_mean=bg.mean((0, 2, 3)).tolist(), occupied=m.get('occupied'),
                     sigma=m.get('sigma'), seconds=time.time() - t0)
            stats.append(s); print(json.dumps(s), flush=True)
            if tr.step % (a.every * 3) == 0 or tr.step == tr.n_steps:
                rows.append(torch.cat([torch.cat(list(x), -1) for x in (rgb, acc.expand(-1, 3, -1, -1), bg)], -2))
    img = torch.cat(rows, -2).clamp(0, 1).permute(1, 2, 0).cpu().numpy()
    import imageio.v3 as iio
    iio.imwrite(out / 'probe.png', (img * 255).astype(np.uint8))
    from mav3d.generate import toy_verdict
    v = toy_verdict(tr.scene, a.prompt)
    print('verdict', json.dumps(v), flush=True)
    (out / 'probe.json').write_text(json.dumps(dict(cfg=over, prompt=a.prompt, shift=a.shift, toybg=a.toybg, stats=stats, verdict=v), indent=1))
    tr.preview(out / 'grid.png')

if __name__ == '__main__': main()
