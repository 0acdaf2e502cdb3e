"""Issue 5, spin: does SDS-T turn a still striped object in free pixels (no 4D field, one view)?

Session 14 found that SDS-T into free videos from grey makes a green torus that the evaluator calls spinning (3 of 3
settings, `bench/results/sdst_s14.json`), while no 4D run has ever spun. The 4D pipeline differs from free pixels in
three ways: it starts the dynamic stage from a static object (static pretraining), its clips come from many views of
one field, and the field's temporal planes start at zero. This probe isolates the first difference, in pixels:
SDS-T on a 16-frame clip (guidance 20, 300 steps, lr 0.05, `distill_free`), starting
  grey  : from grey (as in session 14);
  still : from a still clip, the ground-truth frame at t = 0 of the prompt's own scene repeated over 16 frames
          (what static pretraining hands the dynamic stage, at best);
then asks the toy evaluator for the motion. CPU: about 1.5 s a step for two clips on 2 cores.

    OMP_NUM_THREADS=2 python bench/spin_pixel_probe.py bench/results/s17/spin_pixel.json
"""
import json, sys, time
import torch
from mav3d.toypriors import ToyVideoPrior, load_toy_t2v
from mav3d.toytrain import distill_free
from mav3d.toyeval import load_evaluator, prompt_scores, r_precision
from mav3d.toyworld import MOTIONS, make_scene, render_scene
from mav3d.cameras import Cameras

prompts = ['a yellow sphere spinning', 'a green cone spinning']
prior, ev = ToyVideoPrior(load_toy_t2v()), load_evaluator()
one = lambda v: torch.full((1, 16), float(v))
cams = Cameras(one(1.4), one(torch.pi / 2), one(0.0), one(0.0), torch.zeros(1))   # front view, t = 0 in every frame
still = torch.cat([render_scene(make_scene(p, 0), cams, 32, 32, n_samples=96) for p in prompts])  # [2, 16, 3, 32, 32]
res = {}
for name, init in (('still', still), ('grey', None)):
    t0 = time.time()
    v = distill_free(prior, prompts, frames=16, steps=int(sys.argv[2]) if len(sys.argv) > 2 else 300, init=init, progress=True)
    with torch.no_grad(): motion = ev(v)['motion'].softmax(-1)
    change = (v[:, 1:] - v[:, :-1]).abs().mean().item()                            # mean frame-to-frame change
    res[name] = dict(r_precision=r_precision(prompt_scores(ev, v), prompts), seconds=time.time() - t0, frame_change=change,
                     motion=[{m: round(p, 3) for m, p in zip(MOTIONS, row.tolist())} for row in motion])
    print(name, json.dumps(res[name]), flush=True)
    torch.save(v, f'/tmp/spin_pixel_{name}.pt')
with torch.no_grad(): res['still_input_motion'] = [{m: round(p, 3) for m, p in zip(MOTIONS, r.tolist())} for r in ev(still)['motion'].softmax(-1)]
open(sys.argv[1], 'w').write(json.dumps(res, indent=1))
