"""Issue 5 probe (CPU): what target does SDS-T pull a still scene toward, one step (SDS) against a short DDIM rollout?
SDS's gradient is w(t)(ε̂ − ε) ∝ z − x̂₀ with x̂₀ the prior's one-step estimate of the clean clip from x_t: at high noise
that is the posterior *mean*, where stripes of every phase average out and a spin leaves nothing to move. k DDIM steps
from x_t to 0 commit to one sample, stripes and spin direction included. For the still truth of a prompt, rendered from
dynamic-camera clips, this scores the target x̂₀ with the toy evaluator (does it read as the prompt's motion?) and
measures its change over frames (motion energy, against the moving truth's).

    python bench/ddim_target_probe.py --out bench/results/s27/ddim_target.json
"""
import argparse, json, dataclasses, os
import torch
from mav3d.toyworld import make_scene, render_scene, parse_prompt, ALL_PROMPTS
from mav3d.toyeval import load_evaluator, prompt_scores
from mav3d.toypriors import ToyVideoPrior
from mav3d.cameras import sample_cameras, view_prompts
from mav3d.train import contrast_prompts
from mav3d.sds import ddim_target
from mav3d.priors import _bcast

def ddim_x0(prior, x_t, t, cond, guidance, steps, **kw):
    "x̂₀ after `steps` guided DDIM steps from x_t (chapter 07's `ddim_target`, turned back into a clean estimate)."
    sa, s1a = (_bcast(v, x_t) for v in prior.coeffs(t))
    return (x_t - s1a * ddim_target(prior, x_t, t, cond, guidance, steps, **kw)) / sa

def probe(prior, ev, prompt, guidance, contrast, ts, ks, B=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    cams = sample_cameras(B, 16, True, False, generator=g)
    scene = make_scene(prompt, 0)
    m, x = render_scene(scene, cams), render_scene(dataclasses.replace(scene, motion='standing still'), cams)
    cond = prior.encode_text(view_prompts(prompt, cams), '')
    if contrast:
        still, = contrast_prompts(prompt)
        cond = cond._replace(contrast=prior.encode_text(view_prompts(still, cams)).cond, contrast_scale=contrast)
    z, fps, want = prior.encode(x), torch.full((B,), 1 / 15), parse_prompt(prompt)[2]
    e_truth = m.diff(dim=1).abs().mean().item()
    out = {}
    for t in ts:
        eps = torch.randn(z.shape, generator=g)
        tt = torch.full((B,), t)
        x_t = prior.add_noise(z, eps, tt)
        for k in ks:
            x0 = prior.decode(ddim_x0(prior, x_t, tt, cond, guidance, k, fps=fps)).clamp(0, 1)
            guess = [parse_prompt(ALL_PROMPTS[i])[2] for i in prompt_scores(ev, x0).argmax(-1)]
            d, dm = (x0 - x).flatten(1), (m - x).flatten(1)
            r = dict(motion_right=sum(gm == want for gm in guess) / B, guesses=guess,
                     energy_ratio=x0.diff(dim=1).abs().mean().item() / e_truth,
                     cos_motion=torch.nn.functional.cosine_similarity(d, dm, 1).mean().item())
            out[f't{t} k{k}'] = r
            print(f"{prompt:28s} mc{contrast} t {t:4d} k {k}: motion right {r['motion_right']:.2f} energy {r['energy_ratio']:.2f} "
                  f"cos {r['cos_motion']:+.3f} {guess}", flush=True)
    return out

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--out'); ap.add_argument('--guidance', type=float, default=7.5)
    ap.add_argument('--prompts', default='a green cone spinning;a blue sphere spinning;a red cube bouncing')
    ap.add_argument('--ts', default='300,500,700,900'); ap.add_argument('--ks', default='1,4,10')
    ap.add_argument('--contrasts', default='0,3'); ap.add_argument('--B', type=int, default=4)
    a = ap.parse_args()
    torch.manual_seed(0)
    prior, ev, res = ToyVideoPrior.from_pretrained(), load_evaluator(), {}
    for p in a.prompts.split(';'):
        for c in map(float, a.contrasts.split(',')):
            res[f'{p} | mc{c}'] = probe(prior, ev, p, a.guidance, c, [int(v) for v in a.ts.split(',')], [int(v) for v in a.ks.split(',')], a.B)
            if a.out: os.makedirs(os.path.dirname(a.out), exist_ok=True); json.dump(res, open(a.out, 'w'), indent=1)
