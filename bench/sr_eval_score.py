"""Issue 3's SR bar, the evaluator half: on ground-truth pairs (64² clips and their 32² downsampling), does the SR
prior's output keep the evaluator's score of the true prompt at least as well as bicubic upsampling? (The evaluator
resizes every clip to its 32² input.) CPU, a few minutes. python bench/sr_eval_score.py [N] [STEPS] [SR_DIR]  (CUDA when there is one)"""
import sys, json, torch
from mav3d.toytrain import render_pool
from mav3d.toypriors import load_toy_sr, sample_sr, sr_upsample
from mav3d.toyeval import load_evaluator, prompt_scores, r_precision
from mav3d.toyworld import ALL_PROMPTS, parse_prompt, toy_prompt
from mav3d.toyworld import resize_frames
torch.set_num_threads(2)
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
n = int(sys.argv[1]) if len(sys.argv) > 1 else 16
pool = render_pool(n, ALL_PROMPTS, 16, 64, 96, False, 123, None, None)
hi = pool['videos'].float().to(dev) / 255; lo = resize_frames(hi, 32, 'area')
sr, ev = load_toy_sr(sys.argv[3] if len(sys.argv) > 3 else None, device=dev), load_evaluator(device=dev)
up = sample_sr(sr, lo, 2, int(sys.argv[2]) if len(sys.argv) > 2 else 50, generator=torch.Generator(dev).manual_seed(0))
bic = sr_upsample(lo, (64, 64))
idx = torch.tensor([ALL_PROMPTS.index(toy_prompt(*parse_prompt(p))) for p in pool['prompts']], device=dev)
out = {}
for name, v in (('ground truth 64', hi), ('bicubic', bic), ('SR prior', up)):
    s = prompt_scores(ev, v)
    out[name] = dict(r_precision=r_precision(s, pool['prompts']), true_prompt_logprob=s.log_softmax(-1)[torch.arange(n, device=dev), idx].mean().item(),
                     psnr=(-10 * torch.log10(((v - hi) ** 2).mean())).item())
    print(name, out[name], flush=True)
print(json.dumps(out))
