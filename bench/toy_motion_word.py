"""Does the toy text-to-video prior use the motion word? Denoising error (eps MSE) of 4 ground-truth clips (full time span,
random dynamic cameras) at fixed noise levels with the right prompt, with the motion word replaced by 'standing still',
with the frames shuffled, and frame by frame in image mode. CPU, ~1 min. python bench/toy_motion_word.py [T2V_DIR]"""
import torch, time, math
from mav3d.toyworld import *
from mav3d.cameras import *
from mav3d.toypriors import *
from mav3d.toypriors import _to_unet
torch.set_num_threads(2)
import sys; t2v = load_toy_t2v(sys.argv[1] if len(sys.argv) > 1 else None)
unet, sched = t2v['unet'], t2v['scheduler']
ps = ['a red cube bouncing', 'a blue sphere sliding left and right', 'a green cone growing and shrinking', 'a yellow torus spinning']
gt, cams = toy_clips(ps, [1,2,3,4], F=16, H=32, W=32, n_samples=64, fps_sampling=False, generator=torch.Generator().manual_seed(3))
named = view_prompts('x', cams)
named = [p + ', ' + n.split(', ')[1] for p, n in zip(ps, named)]
fps = torch.full((4,), 1/15)
def eps_err(v, prompts, fps, t, seed=0):
    x0 = _to_unet(v) * 2 - 1
    g = torch.Generator().manual_seed(seed)
    noise = torch.randn(x0.shape, generator=g)
    tt = torch.full((len(x0),), t)
    cond = encode_text(t2v, prompts)
    fe = time_cond(unet, fps, 16, cond)
    with torch.no_grad(): e = unet(sched.add_noise(x0, noise, tt), tt, encoder_hidden_states=cond, timestep_cond=fe).sample
    return ((e - noise) ** 2).mean((1, 3, 4))  # [B, F]
wrong = [p.replace('bouncing','standing still').replace('sliding left and right','standing still').replace('growing and shrinking','standing still').replace('spinning','standing still') for p in named]
swap = {'red': 'blue', 'blue': 'red', 'green': 'yellow', 'yellow': 'green'}
recol = [' '.join(swap.get(w, w) for w in p.split(' ')) for p in named]
perm = torch.randperm(16, generator=torch.Generator().manual_seed(0))
for t in (50, 300, 600, 900):
    e = eps_err(gt, named, fps, t)
    ew = eps_err(gt, wrong, fps, t)
    es = eps_err(gt[:, perm], named, fps, t)
    ec = eps_err(gt, recol, fps, t)
    img = torch.stack([eps_err(gt[:, f:f+1], named, torch.zeros(4), t, seed=f)[:, 0] for f in range(0, 16, 4)], 1)
    print(f"t={t}: eps mse {e.mean():.5f} | motion word -> 'standing still' {ew.mean():.5f} ({(ew.mean() / e.mean() - 1) * 100:+.2f}%)"
          f" | colour word swapped {(ec.mean() / e.mean() - 1) * 100:+.2f}%"
          f" | frames shuffled {es.mean():.5f} | image mode {img.mean():.5f}")
