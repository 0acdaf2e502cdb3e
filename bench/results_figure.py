"""The index page's picture of what `mav3d_generate` makes today: for each run of a toy study, one view of the result at
four times (left to right), titled with the prompt and the toy evaluator's R-precision. Reads the study's sheet (the
runs' Figure 2 grids, 3 per row, in the study table's order) and table; several studies' runs go into one picture.

    python bench/results_figure.py nbs/images/study_fast.png bench/results/s20/study12_hold50:hold50
    python bench/results_figure.py OUT STUDY_DIR:VARIANT [STUDY_DIR:VARIANT ...]
"""
import json, sys
import numpy as np
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from PIL import Image

def strips(study, variant, per_row=3, cell=(320, 256), tile=64):
    "Each run of `variant` in `study`: (its row of the study table, view 1 of its grid at four times side by side)."
    rows = [r for r in json.load(open(f'{study}/study.json'))['rows'] if r['variant'] == variant]
    sheet = np.asarray(Image.open(f'{study}/sheet_{variant}.png').convert('RGB'))
    for i, r in enumerate(rows):
        y, x = (i // per_row) * cell[1], (i % per_row) * cell[0]
        yield r, np.concatenate([sheet[y + k * tile: y + (k + 1) * tile, x: x + tile] for k in range(4)], 1)

def main(out, *sources):
    runs = [s for src in sources for s in strips(*src.rsplit(':', 1))]
    runs.sort(key=lambda s: ('spinning' in s[0]['prompt'], -s[0]['r_precision']))
    fig, axs = plt.subplots(-(-len(runs) // 3), 3, figsize=(10.5, 0.95 * -(-len(runs) // 3) + 0.4))
    for ax in axs.flat: ax.set_axis_off()
    for ax, (r, strip) in zip(axs.flat, runs):
        ax.imshow(strip)
        ax.set_title(f"{r['prompt']}{' (held out)' if r['held_out'] else ''}: R = {r['r_precision']:.2f}", fontsize=8)
    fig.tight_layout(pad=0.3); fig.savefig(out, dpi=100)

if __name__ == '__main__': main(*sys.argv[1:])
