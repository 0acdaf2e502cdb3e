"""A sheet of the front clips of `spin_field_probe.py` runs (rows: prompt_variant; columns: 8 of the 16 frames) with each
row's frame change and the evaluator's motion guess.  python bench/spin_field_sheet.py RESULTS.json CLIPS.pt OUT.png"""
import json, sys
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
import torch
res, clips = json.load(open(sys.argv[1])), torch.load(sys.argv[2])
names = sorted(clips)
fig, axs = plt.subplots(len(names), 8, figsize=(8 * 1.1, len(names) * 1.15), squeeze=False)
for r, n in enumerate(names):
    c, m = clips[n][0].float(), res[n]['front_motion']
    guess = max(m, key=m.get)
    for k, f in enumerate(range(0, 16, 2)):
        ax = axs[r, k]; ax.imshow(c[f].permute(1, 2, 0).clamp(0, 1).numpy()); ax.set_xticks([]); ax.set_yticks([])
        if k == 0: ax.set_ylabel(n.replace('_', '\n', 2), fontsize=6, rotation=0, ha='right', va='center')
    axs[r, 7].set_title(f"{guess} {m[guess]:.2f} | change {res[n]['frame_change']:.3f}", fontsize=6, loc='right')
plt.tight_layout(); plt.savefig(sys.argv[3], dpi=110)
