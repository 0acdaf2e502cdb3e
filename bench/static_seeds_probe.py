"""Does the static stage tell which seeds will spin? (session 28) The `fast` preset's static stage of one prompt on the
CPU for several seeds (≈ 3.5 min a pair of seeds on 2 cores), each rendered at t = 0 from the evaluator's 8 azimuths:
the texture on the object (coefficient of variation of its luminance) and how much neighbouring views differ (a plain
sphere looks the same from every azimuth, a striped one does not), beside the H100 verdicts of the preset.
CPU and GPU runs are not bitwise equal, so this reads the static stage's typical result for a seed, not the GPU's.

    python bench/static_seeds_probe.py --seeds 0,1,2,3,4,5,6,7,8,9 --out bench/results/s28/static_seeds_cpu.png
"""
import argparse, json, torch
import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
from concurrent.futures import ProcessPoolExecutor
from mav3d.train import TrainConfig, Trainer
from mav3d.export import grid_cameras

SPIN_H100 = {0: 1, 1: 0, 2: 1, 3: 0, 4: 0, 5: 1, 6: 0, 7: 1, 8: 0, 9: 0}  # the preset, blue sphere (NOTES, session 28)

def static_views(prompt:str, seed:int):
    "The static stage's result from 8 azimuths at t = 0: rgb [8, 3, 32, 32], opacity [8, 32, 32]."
    torch.set_num_threads(1)
    cfg = TrainConfig.preset('fast', prompt=prompt, device='cpu', seed=seed)
    r = Trainer(cfg, progress=False)
    while r.step < cfg.static_steps: r.train_step()
    r.scene.field.static = True
    with torch.no_grad(): out = r.scene.render(grid_cameras(8, 1, radius=1.4), 32, 32, perturb=False)
    return out['rgb'][:, 0], out['acc'][:, 0, 0]

def measures(rgb, acc) -> dict:
    m, lum = acc > 0.5, rgb.mean(1)
    cv = torch.stack([lum[v][m[v]].std() / lum[v][m[v]].mean() for v in range(len(m))]).mean()
    both = m & m.roll(1, 0)
    return dict(texture_cv=round(cv.item(), 4), view_change=round((rgb - rgb.roll(1, 0)).abs().mean(1)[both].mean().item(), 4),
                coverage=round(m.float().mean().item(), 3))

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--prompt', default='a blue sphere spinning'); ap.add_argument('--seeds', default='0,1,2,3,4,5,6,7,8,9')
    ap.add_argument('--out', default='static_seeds.png'); ap.add_argument('--workers', type=int, default=2)
    a = ap.parse_args()
    seeds = [int(s) for s in a.seeds.split(',')]
    with ProcessPoolExecutor(a.workers) as ex: views = list(ex.map(static_views, [a.prompt] * len(seeds), seeds))
    fig, axs = plt.subplots(len(seeds), 8, figsize=(8, len(seeds)), squeeze=False)
    for i, (s, (rgb, acc)) in enumerate(zip(seeds, views)):
        print(json.dumps(dict(seed=s, spins_on_h100=SPIN_H100.get(s), **measures(rgb, acc))))
        for v in range(8): axs[i, v].imshow(rgb[v].permute(1, 2, 0).clamp(0, 1)); axs[i, v].axis('off')
        axs[i, 0].set_title(f'seed {s}, spins on the H100: {SPIN_H100.get(s)}', fontsize=6, loc='left')
    plt.tight_layout(); plt.savefig(a.out, dpi=80)
