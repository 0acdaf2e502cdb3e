"""The image-to-4D study as one picture (issue 9, the paper's Figure 6 on the toy world): for each of the 12 study
prompts, the input frame (`toy_image`, scene seed 1000 + index, as `toy_study.py --image` made it) beside the result's
grid (rows: time; columns: 4 views and depth), cut from the study's sheet, with the evaluator's verdict.

    python bench/image4d_figure.py bench/results/s17/istudy nbs/images/image4d_study.png
"""
import json, sys
from pathlib import Path
import numpy as np
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from PIL import Image
from mav3d.image4d import toy_image, STUDY_PROMPTS

src, dst = Path(sys.argv[1]), Path(sys.argv[2])
rows = json.loads((src / 'study.json').read_text())['rows']          # in the order the runs finished = the sheet's order
sheet = np.asarray(Image.open(src / 'sheet_full.png').convert('RGB'))
h, w = sheet.shape[0] // ((len(rows) + 2) // 3), sheet.shape[1] // 3
fig, axes = plt.subplots(4, 6, figsize=(16, 9.5), gridspec_kw=dict(width_ratios=[1, 1.25] * 3))
for k, r in enumerate(rows):
    ai, ag = axes[k // 3, 2 * (k % 3)], axes[k // 3, 2 * (k % 3) + 1]
    img = toy_image(r['prompt'], seed=1000 + STUDY_PROMPTS.index(r['prompt'])).permute(1, 2, 0).numpy()
    ai.imshow(img, interpolation='nearest'); ai.set_title('input' + (' (held out)' if r['held_out'] else ''), fontsize=9)
    ag.imshow(sheet[(k // 3) * h:(k // 3 + 1) * h, (k % 3) * w:(k % 3 + 1) * w])
    ag.set_title(f"{r['prompt']}\nR {r['r_precision']:.2f} · colour+shape {r['appearance']:.2f}", fontsize=9)
    for a in (ai, ag): a.axis('off')
fig.suptitle('Image-to-4D on the toy world (H100, preset fast): each input frame, and the 4D result at 4 times × 4 views + depth', fontsize=11)
fig.tight_layout(); dst.parent.mkdir(parents=True, exist_ok=True); fig.savefig(dst, dpi=80); print(dst)
