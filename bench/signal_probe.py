"""Issue 5: the field can spin every spinner when it regresses on the true video (`truth_static.py --fit-all`), but SDS-T
does not spin the green cone even from a static stage fitted to its striped truth. Does SDS-T's gradient on the field's
parameters point where the regression's does, and when is the spin lost?

After a static stage fitted to the still truth (as `truth_static.py --truth`), at dynamic steps 0, K, 2K, ... of a run
of the `fast` preset (density held for the first half, as in the trainer), on a fixed probe batch (the cameras, t and
noise of `--draws` fixed steps): the cosine between the SDS-T gradient and two directions made from regression
gradients from the same cameras (MSE to the truth spinning one way, the other way, standing still): the *turn*, half
the difference of the two ways (what a spin asks that its reverse does not; the prompt does not say which way, so the
sign says which way SDS-T turns it), and the *flicker*, what both ways share less standing still (stripes that fade
and return in place). Per parameter group (temporal planes: the motion; spatial planes; MLP), with the run's contrast
and without any; and the render's MSE to each truth. `--steps 0` measures the first step only.
Gradients are of losses to descend, so a positive cosine means SDS-T's step goes that way (toward the turn, the flicker).

    python bench/signal_probe.py --prompts 'a green cone spinning;a blue sphere spinning' --draws 6 --out probe.json
    python bench/signal_probe.py --prompts 'a green cone spinning' --steps 400 --every 25 --device cuda --out track.json
(CPU: the static stage ≈ 40 s, then ≈ 20 s per draw and kind; on an H100 a 400-step track takes a few minutes.)
"""
import argparse, json, time
from dataclasses import replace
import torch, torch.nn.functional as F
from mav3d.generate import make_config
from mav3d.train import Trainer
from mav3d.toyworld import make_scene, render_scene, parse_prompt

ap = argparse.ArgumentParser()
ap.add_argument('--prompts', default='a green cone spinning;a blue sphere spinning')
ap.add_argument('--draws', type=int, default=6); ap.add_argument('--scene', type=int, default=0)
ap.add_argument('--steps', type=int, default=0, help='dynamic steps to train (SDS-T), measuring every --every')
ap.add_argument('--every', type=int, default=25); ap.add_argument('--set', default=None, help="TrainConfig overrides")
ap.add_argument('--device', default='cpu'); ap.add_argument('--out', default=None)
a = ap.parse_args()

def grads(tr) -> dict:
    "The gradient of each parameter group, flattened, then zeroed."
    f = tr.scene.field
    groups = dict(temporal=list(f.temporal), spatial=list(f.spatial), mlp=list(f.mlp.parameters()))
    g = {k: torch.cat([(p.grad if p.grad is not None else torch.zeros_like(p)).flatten() for p in ps]) for k, ps in groups.items()}
    tr.opt.zero_grad(set_to_none=True)
    return g

def fit_static(tr, still):
    "The static stage, regressing on the still truth (as `truth_static.py --truth`); leaves `tr` at the first dynamic step."
    tr.scene.field.static = True
    for k in range(tr.cfg.static_steps):
        tr.step = k
        if k % tr.cfg.occ_every == 0: tr.scene.occupancy.update(tr.scene, times=[0.])
        cams, out, _, _ = tr._batch('static', k)
        with torch.no_grad(): target = render_scene(still, cams, tr.cfg.res, tr.cfg.res)
        tr.opt.zero_grad(set_to_none=True); F.mse_loss(out['rgb'], target).backward(); tr.opt.step(); tr.sched.step()
    tr.step = tr.cfg.static_steps
    return F.mse_loss(out['rgb'], target).item()

def measure(tr, k, still, moving, contrasts, draws) -> dict:
    "Cosines of SDS-T's gradient (the run's contrast, and none) with the spin direction, and the MSEs, on fixed draws."
    step, n = tr.step, tr.cfg.dynamic_steps
    tr.scene.field.static = False; tr.scene.hold_density(tr._held_at(step))       # as `train_step` sets them
    spins = dict(moving=moving, reverse=replace(moving, spin_dir=-moving.spin_dir))  # NB: the prior has no reason to prefer one way
    cos = {f'{kind}_{part}': {g: 0. for g in ('temporal', 'spatial', 'mlp')} for kind in ('run', 'plain') for part in ('turn', 'flicker')}
    mse = {name: 0. for name in (*spins, 'still')}
    for d in range(draws):
        tr.step = 10 ** 6 + d                                      # a fixed probe batch: that step's cameras, t and noise
        gs = {}
        for kind, cs in (('run', contrasts), ('plain', [])):
            tr.contrasts = cs; loss, _ = tr.losses('dynamic', k, n); loss.backward(); gs[kind] = grads(tr)
        cams, out, _, _ = tr._batch('dynamic', tr.step)
        gt = {}
        for name, scene in (*spins.items(), ('still', still)):
            with torch.no_grad(): target = render_scene(scene, cams, tr.cfg.res, tr.cfg.res)
            l = F.mse_loss(out['rgb'], target); l.backward(retain_graph=name != 'still'); gt[name] = grads(tr)
            mse[name] += l.item() / draws
        # NB: the two ways' pulls (each: toward that spin and away from standing still) split into what differs between
        # them, the turn (its sign says which way), and what they share, stripes that fade and return in place
        part = {g: dict(turn=(gt['moving'][g] - gt['reverse'][g]) / 2,
                        flicker=(gt['moving'][g] + gt['reverse'][g]) / 2 - gt['still'][g]) for g in gt['still']}
        for key in cos:
            kind, p = key.split('_')
            for g in cos[key]: cos[key][g] += F.cosine_similarity(gs[kind][g], part[g][p], 0).item() / draws
    tr.contrasts, tr.step = contrasts, step
    return dict(k=k, cos=cos, mse=mse)

res = {}
for prompt in a.prompts.split(';'):
    colour, shape, _ = parse_prompt(prompt)
    still, moving = make_scene(f"a {colour} {shape} standing still", a.scene), make_scene(prompt, a.scene)
    torch.manual_seed(0)
    tr = Trainer(make_config(prompt, preset='fast', device=a.device, set=a.set), progress=False)
    t0 = time.time(); r = dict(static_mse=fit_static(tr, still), track=[])
    contrasts = tr.contrasts                                       # the run's: by default the still version of the prompt
    for k in range(a.steps + 1):
        if k % a.every == 0 or k == a.steps:
            m = measure(tr, k, still, moving, contrasts, a.draws); r['track'].append(m)
            if a.out: open(a.out, 'w').write(json.dumps({**res, prompt: r}, indent=1))   # NB: a killed run keeps what it measured
            print(f"{prompt:24s} step {k:4d} cos(SDS-T, turn | flicker), temporal / spatial / MLP: " + '; '.join(
                  f"{kind} " + ' / '.join(f"{m['cos'][kind + '_turn'][g]:+.2f}|{m['cos'][kind + '_flicker'][g]:+.2f}" for g in m['cos'][kind + '_turn'])
                  for kind in ('run', 'plain')) + ' | MSE to spinning, reverse, still: ' +
                  ', '.join(f"{v:.5f}" for v in m['mse'].values()) + f" ({time.time() - t0:.0f}s)", flush=True)
        if k < a.steps: tr.train_step()
    res[prompt] = r
