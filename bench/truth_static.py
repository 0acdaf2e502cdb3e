"""Issue 5, the green cone that never spins: does the dynamic stage spin an object whose static stage ended with its
stripes? With `--truth`, the static stage fits the ground truth of the prompt's still version (scene seed `--scene`,
photometric MSE against `render_scene` from the stage's own random cameras) instead of distilling the image prior;
the dynamic and SRFT stages then run as `mav3d_generate` runs them. Without `--truth` it is `mav3d_generate` itself
(for prompts outside the study's 12). With `--fit-all` every stage fits the ground truth, the moving one after the
static stage (what the field can represent under the trainer's schedule; no prior, no TV or BCE). The verdict is in
OUT/summary.json, the pictures in OUT/grid.png and previews/

    python bench/truth_static.py 'a green cone spinning' --out runs/truth_gc --truth [--seed 0] [--preset fast] [--set ...]

With `--redraw K` (and without `--truth`), the run's draws after the static stage are those of seed + K.
"""
import argparse, json
import torch, torch.nn.functional as F
import mav3d.train as T
from mav3d.generate import generate, make_config
from mav3d.toyworld import make_scene, render_scene, parse_prompt

ap = argparse.ArgumentParser()
ap.add_argument('prompt'); ap.add_argument('--out', required=True)
ap.add_argument('--truth', action='store_true', help='the static stage fits the still ground truth')
ap.add_argument('--fit-all', action='store_true', help='every stage fits the ground truth (the moving one after the '
                'static stage): can the field represent the motion at all, with the trainer\'s schedule?')
ap.add_argument('--scene', type=int, default=0, help='scene seed of the ground truth (placement, size, stripe phase)')
ap.add_argument('--seed', type=int, default=0); ap.add_argument('--preset', default='fast')
ap.add_argument('--steps'); ap.add_argument('--set')
ap.add_argument('--redraw', type=int, default=0, help='> 0: the dynamic and SRFT stages draw their cameras, times, noise '
                'and jitter as seed + this would (the field init and the static stage stay the seed\'s): which decides a '
                'spin, the static stage or the later draws?')
a = ap.parse_args()

if a.redraw:
    draws, static_steps = T.step_generator, make_config(a.prompt, a.preset, steps=a.steps, set=a.set).static_steps
    T.step_generator = lambda seed, step, stream=0, device='cpu': draws(seed + a.redraw * (step >= static_steps), step, stream, device)

if a.truth or a.fit_all:
    colour, shape, _ = parse_prompt(a.prompt)
    still, moving = make_scene(f"a {colour} {shape} standing still", a.scene), make_scene(a.prompt, a.scene)
    distil = T.Trainer.losses

    def losses(self, stage, k, n):
        "MSE to the ground truth seen from this step's cameras (the still one in the static stage)."
        if stage != 'static' and not a.fit_all: return distil(self, stage, k, n)
        cams, out, _, _ = self._batch(stage, self.step)
        res = self.cfg.srft_res if stage == 'srft' else self.cfg.res
        with torch.no_grad(): target = render_scene(still if stage == 'static' else moving, cams, res, res)  # [B, F, 3, H, W]
        loss = F.mse_loss(out['rgb'], target)
        parts = dict(mse=loss.detach(), sigma=self.scene.sigma.item(), n_evals=out['n_evals'], n_vis_evals=out['n_vis_evals'])
        return loss, dict(parts=parts, nonfinite=False)
    T.Trainer.losses = losses

s = generate(a.prompt, out=a.out, preset=a.preset, seed=a.seed, steps=a.steps, set=a.set, progress=False)
mse = [json.loads(l).get('mse') for l in open(f'{a.out}/metrics.jsonl')]
v = s['verdict']
print(json.dumps(dict(prompt=a.prompt, truth=a.truth, fit_all=a.fit_all, seed=a.seed, redraw=a.redraw, r_precision=v['r_precision'],
                      appearance=v['r_precision_appearance'], motion_ratio=v['motion_ratio'],
                      mse_last=next((m for m in reversed(mse) if m is not None), None),
                      stage_seconds=s['stage_seconds'])))
