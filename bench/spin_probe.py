"""Why do spinning prompts fail (issue 5)? Measures, on CPU or GPU, the SDS-T pull that a motionless render of a toy
object gets from the toy text-to-video prior: over K noise draws (guidance 20, t ~ U[0.02, 0.98], as in the `fast`
preset) on the same clip from the same moving camera, the gradient g_i = w(t)(ε̂ − ε) on it, its part that changes over frames d_i = g_i − mean_f g_i,
and how coherent those parts are across draws: c = |mean_i d_i|² / mean_i |d_i|² (1: every draw pulls towards the same
motion; ≈ 1/K: the pulls cancel, as motions of random phase would). Also the size of the dynamic pull relative to the
whole pull, dyn = mean_i |d_i|² / mean_i |g_i|². Start renders: the object plain (one colour), and with its stripes.

    python bench/spin_probe.py --k 32 --out bench/results/spin_probe.json
"""
import argparse, json
import torch
from mav3d.toyworld import make_scene, render_scene, COLOURS
from mav3d.cameras import sample_cameras, view_prompts
from mav3d.train import TrainConfig, load_priors
from mav3d.sds import sds_loss

PROMPTS = ['a yellow sphere spinning', 'a green cone spinning', 'a purple torus spinning', 'a red cube spinning',
           'a yellow sphere bouncing', 'a green cone sliding left and right', 'a purple torus growing and shrinking']

def still(scene, plain):
    "The scene frozen at its rest pose, plain (one colour) or with its stripes."
    def field(pts):
        p = pts.clone(); p[:, 3] = 0.  # every time shows t = 0
        d, rgb = scene(p)
        return d, (torch.tensor(COLOURS[scene.colour]).expand_as(rgb) if plain else rgb)
    return field

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--k', type=int, default=32); ap.add_argument('--out', default='spin_probe.json')
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu'); ap.add_argument('--guidance', type=float, default=20.)
    a = ap.parse_args(); dev = a.device
    pv = load_priors(TrainConfig.preset('fast', srft=False), dev)['video']
    one = sample_cameras(1, 16, generator=torch.Generator().manual_seed(0)).to(dev)        # a dynamic camera, FPS sampling
    cams = one[[0] * a.k]                                                                   # K copies of it
    res = {}
    for prompt in PROMPTS:
        scene = make_scene(prompt, 0)
        for start in ('plain', 'striped'):
            # NB: render_scene's renderer takes any field; K copies of the one clip, one noise draw each
            x = render_scene(still(scene, start == 'plain'), one, 32, 32).expand(a.k, -1, -1, -1, -1).clone().requires_grad_()
            loss, info = sds_loss(pv, x, pv.encode_text(view_prompts(prompt, cams), ''), a.guidance, fps=cams.fps,
                                  generator=torch.Generator(dev).manual_seed(1))
            g, = torch.autograd.grad(loss, x)                             # [K, F, 3, H, W]
            d = g - g.mean(1, keepdim=True)                               # the part that changes over frames
            c = d.mean(0).square().sum() / d.square().sum((1, 2, 3, 4)).mean()
            dyn = d.square().sum((1, 2, 3, 4)).mean() / g.square().sum((1, 2, 3, 4)).mean()
            res[f'{prompt} / {start}'] = dict(coherence=c.item(), dynamic_share=dyn.item())
            print(f"{prompt:40s} {start:8s} coherence {c.item():.3f} (1/K = {1 / a.k:.3f})  dynamic share {dyn.item():.3f}", flush=True)
    json.dump(dict(k=a.k, guidance=a.guidance, device=dev, results=res), open(a.out, 'w'), indent=1)

if __name__ == '__main__': main()
