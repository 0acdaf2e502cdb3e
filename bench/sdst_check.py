"""Issue 4's distillation check for moving prompts: SDS-T from the bundled toy prior into free 16-frame videos
(`mav3d.toytrain.distill_free`, the chapter 08c cell), scored by the toy evaluator. GPU, ~1 min.
python bench/sdst_check.py OUT"""
import sys, json, time, torch
from pathlib import Path
from mav3d.toytrain import distill_free, video_grid
from mav3d.toypriors import load_toy_t2v, ToyVideoPrior
from mav3d.toyeval import load_evaluator, prompt_scores, r_precision
from mav3d.toyworld import ALL_PROMPTS, MOTIONS, parse_prompt
out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
moving = ['a red cube bouncing', 'a blue sphere sliding left and right', 'a yellow cone growing and shrinking',
          'a green torus spinning', 'a white cube sliding left and right', 'a purple sphere bouncing']
prior, ev = ToyVideoPrior(load_toy_t2v(device='cuda')), load_evaluator(device='cuda')
res = {}
for steps, guidance in ((300, 20.), (300, 50.), (600, 20.)):
    t0 = time.time(); v = distill_free(prior, moving, frames=16, steps=steps, guidance=guidance); torch.cuda.synchronize()
    guess = [MOTIONS[i] for i in ev(v)['motion'].argmax(-1).tolist()]
    key = f"steps{steps}_g{guidance:g}"
    res[key] = dict(r_precision=r_precision(prompt_scores(ev, v), moving), seconds=time.time() - t0,
                    motion=sum(g == parse_prompt(p)[2] for g, p in zip(guess, moving)) / len(moving), guesses=guess)
    print(key, res[key], flush=True)
    if key == "steps300_g20": video_grid(v.cpu(), moving, len(moving), 4, out / "sdst.png")
(out / 'sdst.json').write_text(json.dumps(res, indent=1))
