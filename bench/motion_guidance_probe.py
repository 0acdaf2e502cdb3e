"""Issue 5 probe (CPU, seconds): which way does the toy video prior's SDS pull a scene that stands still when its prompt
says it moves? For a ground-truth scene rendered still (`x`, what the failed spinning runs ended as) and moving (`m`),
average the guided SDS update -(ε̂ - ε) over noise levels and draws, and measure it along the motion, Δ = m - x:
its cosine with Δ and its projection on Δ's unit vector. Compared: classifier-free guidance against the empty prompt
(the paper's) and against the prompt's still version (`a blue sphere standing still`: contrastive motion guidance).

    python bench/motion_guidance_probe.py --out bench/results/s21/motion_guidance.json
"""
import argparse, json, dataclasses
import torch
from mav3d.toyworld import make_scene, render_scene, parse_prompt, toy_prompt
from mav3d.toypriors import ToyVideoPrior
from mav3d.cameras import sample_cameras, view_prompts

def probe(prior, prompt, guidance, negative, n_draws=8, seed=0, B=2):
    g = torch.Generator().manual_seed(seed)
    cams = sample_cameras(B, 16, True, False, generator=g)           # B clips, dynamic cameras, frames evenly over [0, 1]
    scene = make_scene(prompt, 0)
    still = dataclasses.replace(scene, motion='standing still')
    m, x = render_scene(scene, cams), render_scene(still, cams)        # [B, 16, 3, 32, 32]
    cond = prior.encode_text(view_prompts(prompt, cams), negative)
    fps = torch.full((B,), 1 / 15)
    pull = torch.zeros_like(x)
    z = prior.encode(x)
    with torch.no_grad():
        for _ in range(n_draws):
            t = torch.randint(20, 980, (B,), generator=g)
            eps = torch.randn(z.shape, generator=g)
            e_hat = prior.predict_noise(prior.add_noise(z, eps, t), t, cond, guidance, fps=fps)
            pull -= (e_hat - eps) / n_draws
    d = (m - x).flatten(); p = pull.flatten()
    return dict(cos=torch.nn.functional.cosine_similarity(p, d, 0).item(), along=(p @ d / d.norm()).item(), norm=p.norm().item(),
                motion_norm=d.norm().item())

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--out', default=None); ap.add_argument('--draws', type=int, default=8)
    ap.add_argument('--prompts', default='a blue sphere spinning;a yellow sphere spinning;a red cube bouncing')
    a = ap.parse_args()
    torch.manual_seed(0)
    prior = ToyVideoPrior.from_pretrained()
    res = {}
    for p in a.prompts.split(';'):
        c, s, mo = parse_prompt(p); neg_still = toy_prompt(c, s, 'standing still')
        for gs, name, neg in ((7.5, 'empty', ''), (20., 'empty', ''), (7.5, 'still', neg_still)):
                r = probe(prior, p, gs, neg, a.draws); res[f'{p} | g{gs} | {name}'] = r
                print(f"{p:36s} g{gs:5.1f} {name:6s} cos {r['cos']:+.3f} along {r['along']:+8.3f} |pull| {r['norm']:8.2f} |Δ| {r['motion_norm']:.2f}", flush=True)
    if a.out:
        import os; os.makedirs(os.path.dirname(a.out), exist_ok=True); json.dump(res, open(a.out, 'w'), indent=1)
