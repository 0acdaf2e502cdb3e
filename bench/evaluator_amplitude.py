"""Does the toy evaluator read a motion of the right kind but too large as another motion? (session 29) Ground-truth
toy scenes (`make_scene`) with their motion's amplitude (and for growths the frequency) raised past the toy world's
range, rendered as `toy_verdict` renders a result (8 fixed azimuths, 16 times, 32²), and the evaluator's motion guess
per view. The toy world draws amplitudes of 0.25–0.35 (growing, relative size), 0.35–0.45 (bouncing) and 0.3–0.4
(sliding); the trained studies' results are often larger (motion ratios 1.5–2).

    python bench/evaluator_amplitude.py > bench/results/s29/evaluator_amplitude.txt     # ≈ 3 min on 2 CPU cores
"""
import torch
from dataclasses import replace
from mav3d.export import grid_cameras
from mav3d.toyworld import make_scene, render_scene, MOTIONS
from mav3d.toyeval import load_evaluator

CASES = {'a purple cone growing and shrinking': (0.5, 0.7, 0.9), 'a blue cube growing and shrinking': (0.5, 0.7, 0.9),
         'a white cone bouncing': (0.6, 0.8), 'a red cube bouncing': (0.6, 0.8), 'a red cube sliding left and right': (0.6, 0.8)}

@torch.no_grad()
def motion_words(ev, video) -> dict:
    "How many of the clips `video [B, F, 3, 32, 32]` the evaluator reads as each motion (its first word)."
    words = [list(MOTIONS)[i].split()[0] for i in ev(video)['motion'].argmax(-1).tolist()]
    return {w: words.count(w) for w in sorted(set(words))}

def guesses(ev, scene, cams) -> dict: return motion_words(ev, render_scene(scene, cams, 32, 32, n_samples=96))

if __name__ == '__main__':
    torch.set_num_threads(2)
    ev, cams = load_evaluator(device='cpu'), grid_cameras(8, 16, radius=1.4)   # as `toy_verdict`
    for prompt, amps in CASES.items():
        for seed in (0, 1, 2):
            base = make_scene(prompt, seed)
            freqs = (base.freq, 3.0) if 'growing' in prompt else (base.freq,)
            for amp in (base.amp, *amps):
                for f in freqs:
                    print(f"{prompt} | seed {seed} | amp {amp:.2f}{' (truth)' if amp == base.amp else ''} | freq {f:.2f} | "
                          f"{guesses(ev, replace(base, amp=amp, freq=f), cams)}", flush=True)
