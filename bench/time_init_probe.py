"""The flicker that `time_init_std` (chapter 10) puts into a static scene (session 28): the `fast` preset's static stage
of the blue sphere (200 steps, ≈ 85 s on 2 CPU cores, cached in /tmp/tin_static.pt), then the temporal planes seeded at
several scales with the density held, as at the first dynamic step; prints the motion ratio against the ground truth.

    python bench/time_init_probe.py
"""
import copy, os, torch
from dataclasses import replace
from mav3d.train import TrainConfig, Trainer
from mav3d.generate import toy_verdict

cfg = TrainConfig.preset('fast', prompt='a blue sphere spinning', device='cpu')
r, cache = Trainer(cfg, progress=False), '/tmp/tin_static.pt'
if os.path.exists(cache): r.load_state_dict(torch.load(cache, weights_only=False))
else:
    while r.step < cfg.static_steps: r.train_step()
    torch.save(r.state_dict(), cache)
print('spatial std by level', [round(p.std().item(), 3) for p in r.scene.field.spatial])
for s in [0., 0.1, 0.3, 1.0]:
    q = copy.deepcopy(r); q.cfg = replace(cfg, time_init_std=s)
    q.scene.field.static = False; q.scene.hold_density(True)
    if s: q.seed_motion()
    v = toy_verdict(q.scene, cfg.prompt)
    print(f"time_init_std {s}: motion ratio {v['motion_ratio']:.3f}, R {v['r_precision']:.2f}, guessed {v['guesses']['motion'][:4]}")
