"""Issue 5, spin: the step from free pixels (where SDS-T spins, `spin_pixel_probe.py`) to the 4D pipeline, on a CPU.

The toy `fast` field and renderer and the trainer's own dynamic step (SDS-T, TV, BCE, annealing), but every clip is
seen from ONE fixed front camera (θ = 90°, φ = 0, radius 1.4, no orbit), with no static stage and batch 1, so the only
difference left from the pixel probe is the field and its render. Afterwards the evaluator judges a front-view clip over
the whole time span, and the toy verdict judges 8 views.
If this spins, the multi-view setting is what stops spin; if not, the field/render is.

    OMP_NUM_THREADS=2 python bench/spin_field_probe.py bench/results/s17/spin_field.json [steps]
"""
import json, sys, time
from dataclasses import replace
import torch
from mav3d.cameras import Cameras, sample_frame_times
from mav3d.train import Trainer, TrainConfig
from mav3d.generate import toy_verdict
from mav3d.toyeval import load_evaluator
from mav3d.toyworld import MOTIONS

steps = int(sys.argv[2]) if len(sys.argv) > 2 else 300
prompt = sys.argv[3] if len(sys.argv) > 3 else 'a yellow sphere spinning'
cfg = TrainConfig.preset('fast', prompt=prompt, device='cpu', static_steps=0, dynamic_steps=steps, srft_steps=0,
                         sigma_steps=steps, batch=1, occupancy=False)
tr = Trainer(cfg, out=None, progress=False)
front = lambda times, fps: Cameras(torch.full_like(times, 1.4), torch.full_like(times, torch.pi / 2), torch.zeros_like(times), times, fps)
def cameras(stage, B, g):   # the trainer's FPS-sampled times, one fixed front camera
    times, fps = sample_frame_times(B, cfg.frames, generator=g, device=tr.device)
    return front(times, fps)
tr._cameras = cameras
t0, log = time.time(), []
for k in range(steps):
    m = tr.train_step()
    if k % 25 == 0 or k == steps - 1:
        log.append(dict(step=k, loss=float(m['loss']), s=round(time.time() - t0, 1))); print(log[-1], flush=True)
with torch.no_grad():
    times = torch.linspace(0, 1, 16)[None]
    clip = tr.scene.render(front(times, torch.full((1,), 1 / 15)), 32, 32, perturb=False, n_samples=64)['rgb'].clamp(0, 1)
    motion = load_evaluator()(clip)['motion'].softmax(-1)[0]
    res = dict(prompt=prompt, steps=steps, seconds=time.time() - t0, log=log,
               front_motion={m_: round(p, 3) for m_, p in zip(MOTIONS, motion.tolist())},
               frame_change=(clip[:, 1:] - clip[:, :-1]).abs().mean().item())
    v = toy_verdict(tr.scene, prompt); res['verdict'] = {k: v[k] for k in ('r_precision', 'r_precision_appearance', 'guesses', 'motion_ratio')}
torch.save(clip, '/tmp/spin_field_clip.pt')
print(json.dumps({k: res[k] for k in ('front_motion', 'frame_change', 'verdict')}))
open(sys.argv[1], 'w').write(json.dumps(res, indent=1))
