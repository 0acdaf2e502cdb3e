"""Issue 5 probe (CPU, about a minute a row): which way does the toy video prior's SDS-T pull a scene? For a ground-truth
scene rendered still (x_still) and moving (x_move) from dynamic-camera clips, average the guided SDS update -(ε̂ - ε)
over noise levels and draws at a state x, and measure it along the motion Δ = x_move - x_still: its cosine with Δ and
its length along Δ's unit vector.

- At x = x_still (what the failed spinning runs ended as) a useful guidance pulls along +Δ.
- At x = x_move (the truth) SDS should be near balance along Δ: a pull that stays positive there drives the motion past
  the truth (the over-driven motions of session 21's `mc7`).

Guidance forms: classifier-free guidance against the empty prompt (the paper's); against the prompt's still version
(`still`: the still version replaces the empty prompt); and the usual guidance plus s_m(ε̂_c − ε̂_still) (`mcS`: the
trainer's `motion_contrast`).

    python bench/motion_guidance_probe.py --out bench/results/s21/motion_guidance.json
    python bench/motion_guidance_probe.py --prompts 'a red cube bouncing;a blue sphere spinning' --states still,move \
        --forms empty,mc7.5,mc3 --out bench/results/s21/motion_guidance_balance.json
"""
import argparse, json, dataclasses, os
import torch
from mav3d.toyworld import make_scene, render_scene
from mav3d.train import contrast_prompts
from mav3d.toypriors import ToyVideoPrior
from mav3d.cameras import sample_cameras, view_prompts

def mean_pull(prior, z, cond, guidance, g, n_draws=8, t_range=(20, 980), **kw):
    "The SDS update −(ε̂ − ε) at z, averaged over `n_draws` draws of noise level and noise from the generator g."
    pull = torch.zeros_like(z)
    with torch.no_grad():
        for _ in range(n_draws):
            t = torch.randint(*t_range, (len(z),), generator=g)
            eps = torch.randn(z.shape, generator=g)
            pull -= (prior.predict_noise(prior.add_noise(z, eps, t), t, cond, guidance, **kw) - eps) / n_draws
    return pull

def along(p, d) -> dict:
    "How p (flat) lies along d (flat): their cosine, p's length along d's unit vector, d's length."
    return dict(cos=torch.nn.functional.cosine_similarity(p, d, 0).item(), along=(p @ d / d.norm()).item(), norm=d.norm().item())

def probe(prior, prompt, guidance, form, state='still', n_draws=8, seed=0, B=2, t_range=(20, 980)):
    g = torch.Generator().manual_seed(seed)
    cams = sample_cameras(B, 16, True, False, generator=g)           # B clips, dynamic cameras, frames evenly over [0, 1]
    scene = make_scene(prompt, 0)
    m, x = render_scene(scene, cams), render_scene(dataclasses.replace(scene, motion='standing still'), cams)  # [B, 16, 3, 32, 32]
    still, = contrast_prompts(prompt)                                # the still version
    cond = prior.encode_text(view_prompts(prompt, cams), view_prompts(still, cams) if form == 'still' else '')
    if form.startswith('mc'): cond = cond._replace(contrast=prior.encode_text(view_prompts(still, cams)).cond, contrast_scale=float(form[2:]))
    at = x if state == 'still' else m
    p = mean_pull(prior, prior.encode(at), cond, guidance, g, n_draws, t_range, fps=torch.full((B,), 1 / 15)).flatten()
    a = along(p, (m - x).flatten())
    return dict(cos=a['cos'], along=a['along'], norm=p.norm().item(), motion_norm=a['norm'])

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--out', default=None); ap.add_argument('--draws', type=int, default=8)
    ap.add_argument('--prompts', default='a blue sphere spinning;a yellow sphere spinning;a red cube bouncing')
    ap.add_argument('--forms', default='empty,still'); ap.add_argument('--states', default='still')
    ap.add_argument('--guidance', type=float, default=7.5)
    ap.add_argument('--t-bands', default='20-980', help='noise-level bands, e.g. 20-200,200-500,500-980')
    a = ap.parse_args()
    prior, res = ToyVideoPrior.from_pretrained(), {}
    for p in a.prompts.split(';'):
        for state in a.states.split(','):
            for form in a.forms.split(','):
              for band in a.t_bands.split(','):
                tr = tuple(map(int, band.split('-')))
                r = probe(prior, p, a.guidance, form, state, a.draws, t_range=tr)
                res[f'{p} | at {state} | g{a.guidance} | {form}' + ('' if tr == (20, 980) else f' | t {band}')] = r
                print(f"{p:32s} at {state:5s} {form:6s} t {band:8s} cos {r['cos']:+.3f} along {r['along']:+7.3f} |pull| {r['norm']:6.2f} |Δ| {r['motion_norm']:.2f}", flush=True)
                if a.out:
                    os.makedirs(os.path.dirname(a.out), exist_ok=True); json.dump(res, open(a.out, 'w'), indent=1)
