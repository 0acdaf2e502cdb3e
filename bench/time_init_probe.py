# The flicker that `time_init_std` puts into a static scene (session 28): motion ratio of the fast static stage of the
# blue sphere (200 steps on CPU, saved by running the Trainer to the stage end into /tmp/tin_static.pt) after seeding.
import torch, copy
from dataclasses import replace
from mav3d.train import TrainConfig, Trainer
from mav3d.generate import toy_verdict
torch.set_num_threads(2)
cfg = TrainConfig.preset('fast', prompt='a blue sphere spinning', device='cpu')
r = Trainer(cfg, progress=False); r.load_state_dict(torch.load('/tmp/tin_static.pt', weights_only=False))
print('spatial std by level', [round(p.std().item(), 3) for p in r.scene.field.spatial])
for s in [0., 0.1, 0.3, 1.0]:
    q = copy.deepcopy(r); q.cfg = replace(cfg, time_init_std=s)
    q.scene.field.static = False; q.scene.hold_density(True)
    if s: q.seed_motion()
    v = toy_verdict(q.scene, cfg.prompt)
    print(s, 'motion ratio %.3f' % v['motion_ratio'], 'R %.2f' % v['r_precision'], v['guesses']['motion'][:4])
