"""Issue 5 probe (CPU, ≈ 1 min a prompt): the green cone never spins, and its static results show no stripes (the 4-fold
texture that is all a spin moves on a shape symmetric about its axis), while the spinning prompts that work show them.
At a *plain* still object (the stripes replaced by their mean, 0.78 × colour), which way does SDS-T pull? Along the
stripes (x_still − x_plain) and along the spin (x_move − x_still), cosine and length, for the toy prior in image mode (one
frame, what the static stage sees) and the video prior (SDS-T, guidance 7.5, with the still contrast at 3 as the `fast` preset).
The cosine with one phase's stripes changes sign with the phase (+0.41 for the blue sphere at the truth's phase, −0.41 half
a period on: the prior prefers a phase, the seam toward the camera), so the measure is the largest cosine with
the stripes of any phase (`stripes_any_phase`).

    python bench/stripe_probe.py --out bench/results/s25/stripe_probe.json
    python bench/stripe_probe.py --kinds image --out bench/results/s25/stripe_probe_image.json \
        --prompts 'a purple cone spinning;a white cone spinning;a yellow cone spinning;a green torus spinning;a green sphere spinning;a green cube spinning;a red cone spinning'
    python bench/stripe_probe.py --kinds image --guidance 20 --out bench/results/s25/stripe_probe_image_g20.json \
        --prompts 'a green cone spinning;a purple cone spinning;a white cone spinning;a blue sphere spinning;a purple torus spinning'
    python bench/stripe_probe.py --free 200 --prompts 'a green cone spinning;a blue sphere spinning' \
        --out bench/results/s25/stripe_free_pixels.json
    python bench/stripe_probe.py --samples bench/results/s25/image_mode_samples.png   # (stored quantised to 256 colours)
"""
import argparse, json, dataclasses, math, os
import torch
from mav3d.toyworld import make_scene, render_scene, COLOURS
from mav3d.train import contrast_prompts
from mav3d.toypriors import ToyVideoPrior
from mav3d.cameras import sample_cameras, view_prompts
from motion_guidance_probe import mean_pull, along   # bench/, the script's own folder

class Plain:
    "A toy scene with its stripes replaced by their mean."
    def __init__(self, scene): self.scene = scene
    def __call__(self, pts):
        d, rgb = self.scene(pts)
        return d, (torch.tensor(COLOURS[self.scene.colour], dtype=pts.dtype, device=pts.device) * 0.78).expand_as(rgb)

def pulls(prior, prompt, video, n_draws=8, B=2, seed=0, guidance=7.5, contrast=3.):
    g = torch.Generator().manual_seed(seed)
    cams = sample_cameras(B, 16 if video else 1, True, False, generator=g)
    scene = make_scene(prompt, 0)
    still = dataclasses.replace(scene, motion='standing still')
    m, x, plain = render_scene(scene, cams), render_scene(still, cams), render_scene(Plain(still), cams)
    x8 = render_scene(dataclasses.replace(still, phase=still.phase + math.pi / 8), cams)  # the stripes a quarter period on
    cond = prior.encode_text(view_prompts(prompt, cams), '')
    if video and contrast:
        cond = cond._replace(contrast=torch.stack([prior.encode_text(view_prompts(p, cams)).cond for p in contrast_prompts(prompt)]),
                             contrast_scale=contrast)
    kw = dict(fps=torch.full((B,), 1 / 15)) if video else {}
    frames = (lambda v: v) if video else (lambda v: v[:, 0])
    p = mean_pull(prior, prior.encode(frames(plain)), cond, guidance, g, n_draws, **kw).flatten()
    # The stripes of every phase: Δ(φ) ≈ a·Δ(φ0) + b·Δ(φ0 + π/8) (period π/2), so the pull's largest cosine with the
    # stripes of any phase is its cosine with the plane that these two span.
    q, _ = torch.linalg.qr(torch.stack([frames(x - plain).flatten(), frames(x8 - plain).flatten()], 1))
    return dict(stripes=along(p, frames(x - plain).flatten()), stripes_any_phase=((q.T @ p).norm() / p.norm()).item(),
                spin=along(p, frames(m - x).flatten()), pull_norm=p.norm().item())

def image_samples(path, dpi=110, prompts=('a green cone spinning', 'a purple cone spinning', 'a green torus spinning', 'a blue sphere spinning'), n=6):
    """A sheet of the toy prior's image-mode samples (what the static stage distils), front view, 30 DDIM steps, guidance 7.5;
    the first column is the ground truth, still, from the turntable's first camera."""
    import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
    from mav3d.toypriors import load_toy_t2v, sample_t2v
    from mav3d.cameras import turntable_cameras
    g = torch.Generator().manual_seed(0)
    imgs = sample_t2v(load_toy_t2v(), [f'{p}, front view' for p in prompts for _ in range(n)], torch.zeros(n * len(prompts)), F_=1,
                      steps=30, guidance=7.5, generator=g)[:, 0].view(len(prompts), n, 3, 32, 32)  # [P, n, 3, H, W]
    truth = torch.stack([render_scene(dataclasses.replace(make_scene(p, 0), motion='standing still'), turntable_cameras(1))[0, 0]
                         for p in prompts])                                                          # [P, 3, H, W]
    fig, ax = plt.subplots(len(prompts), n + 1, figsize=(n + 1, 1.08 * len(prompts)))
    for r in range(len(prompts)):
        for c in range(n + 1):
            ax[r, c].imshow((truth[r] if c == 0 else imgs[r, c - 1]).permute(1, 2, 0).numpy()); ax[r, c].axis('off')
        ax[r, 0].set_title(f'truth | {prompts[r]}: the prior in image mode', fontsize=7, loc='left')
    plt.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.94, wspace=0.05, hspace=0.3); plt.savefig(path, dpi=dpi)

def free_pixels(prior, prompts, steps=200, guidance=20.):
    """SDS-T (`distill_free`) into free pixels from a fixed front camera, started from the still object striped and plain:
    is the clip then read as spinning by the toy evaluator? (≈ 1 s a step on 2 CPU cores.)"""
    from mav3d.toytrain import distill_free
    from mav3d.toyeval import load_evaluator
    from mav3d.toyworld import MOTIONS
    from mav3d.cameras import turntable_cameras
    ev, cams, res = load_evaluator(), turntable_cameras(16, orbits=0.), {}
    for p in prompts:
        still = dataclasses.replace(make_scene(p, 0), motion='standing still')
        for name, x0 in dict(striped=render_scene(still, cams), plain=render_scene(Plain(still), cams)).items():
            v = distill_free(prior, [p], frames=16, steps=steps, guidance=guidance, init=x0, seed=0)
            with torch.no_grad(): pm = ev(v)['motion'].softmax(-1)[0]
            r = res[f'{p} | free pixels from {name}'] = dict(motion=MOTIONS[pm.argmax()], p_spin=pm[MOTIONS.index('spinning')].item(),
                                                               frame_change=(v - v.mean(1, keepdim=True)).abs().mean().item())
            print(p, name, r, flush=True)
    return res

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--out'); ap.add_argument('--draws', type=int, default=8)
    ap.add_argument('--samples', help="only write a sheet of the prior's image-mode samples to this png")
    ap.add_argument('--free', type=int, default=0, help='only SDS-T into free pixels for this many steps (`free_pixels`)')
    ap.add_argument('--prompts', default='a green cone spinning;a purple torus spinning;a yellow sphere spinning;a blue sphere spinning')
    ap.add_argument('--kinds', default='image,video'); ap.add_argument('--guidance', type=float, default=7.5)
    ap.add_argument('--t2v', help='another toy text-to-video prior (a folder that `load_toy_t2v` reads); default: the bundled one')
    a = ap.parse_args()
    if a.samples: image_samples(a.samples); raise SystemExit
    prior, res = ToyVideoPrior.from_pretrained(a.t2v), {}   # the static stage uses it in image mode, as the trainer does
    if a.free:
        res = free_pixels(prior, a.prompts.split(';'), a.free)
        if a.out: json.dump(res, open(a.out, 'w'), indent=1)
        raise SystemExit
    for p in a.prompts.split(';'):
        for kind in a.kinds.split(','):
            r = res[f'{p} | {kind}' + ('' if a.guidance == 7.5 else f' | g{a.guidance:g}')] = pulls(prior, p, kind == 'video', a.draws, guidance=a.guidance)
            print(f"{p:26s} {kind:5s} at plain: stripes of any phase cos {r['stripes_any_phase']:.3f}; of the truth's phase cos {r['stripes']['cos']:+.3f} along {r['stripes']['along']:+6.2f} (|Δ| {r['stripes']['norm']:5.2f})"
                  f" | spin cos {r['spin']['cos']:+.3f} along {r['spin']['along']:+6.2f} (|Δ| {r['spin']['norm']:5.2f}) | |pull| {r['pull_norm']:.2f}", flush=True)
            if a.out: os.makedirs(os.path.dirname(a.out), exist_ok=True); json.dump(res, open(a.out, 'w'), indent=1)
