"""Does classifier-free guidance over-drive the toy prior's own motion? (session 29) The toy text-to-video prior's
samples of the study's bounces, growths and slides from the evaluator's 8 view suffixes (as `toy_study.prior_rprec`),
at several guidance scales: their motion energy (mean absolute frame difference) over the ground truth's seen through
the evaluator's 8 cameras, and the evaluator's motion guesses. Trained results over-drive these motions 1.2–2.7×
(NOTES, session 29); the `fast` preset guides SDS-T at 7.5.

    python bench/prior_overdrive.py > prior_overdrive.txt     # seconds on a GPU; ≈ 12 min a row on 2 CPU cores
"""
import torch
from mav3d.toypriors import load_toy_t2v, sample_t2v
from mav3d.toyeval import load_evaluator
from mav3d.toyworld import make_scene, render_scene
from mav3d.cameras import view_names
from mav3d.export import grid_cameras
from evaluator_amplitude import motion_words   # NB: bench/ is the script's folder, so on sys.path

PROMPTS = ['a purple cone growing and shrinking', 'a blue cube growing and shrinking', 'a red cube bouncing',
           'a white cone bouncing', 'a red cube sliding left and right']
GUIDANCE = (1., 3., 7.5, 15.)

def energy(v): return v.diff(dim=1).abs().mean().item()   # [B, F, 3, H, W]

if __name__ == '__main__':
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'; torch.set_num_threads(2)
    parts, ev = load_toy_t2v(device=dev), load_evaluator(device=dev)
    cams = grid_cameras(8, 16, radius=1.4, device=dev); views = view_names(cams.theta[:, 0], cams.phi[:, 0])
    for p in PROMPTS:
        e_true = sum(energy(render_scene(make_scene(p, s), cams, 32, 32, n_samples=96)) for s in range(3)) / 3  # NB: 3 scene seeds
        for g in GUIDANCE:
            v = sample_t2v(parts, [f"{p}, {w} view" for w in views], torch.full((8,), 1 / 15), guidance=g,
                           generator=torch.Generator(dev).manual_seed(0))
            print(f"{p} | guidance {g:4.1f} | energy ratio {energy(v) / e_true:.2f} | {motion_words(ev, v)}", flush=True)
