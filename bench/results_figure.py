"""The index page's picture of what `mav3d_generate` makes today: for each run of a toy study, one view of the result at
four times (left to right), titled with the prompt and the toy evaluator's R-precision. Reads the study's sheet (the
runs' Figure 2 grids, 3 per row, in the study table's order) and table.

    python bench/results_figure.py bench/results/s20/study12_hold50 nbs/images/study_fast.png hold50
"""
import json, sys
import numpy as np
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from PIL import Image

def main(study, out, variant='full', per_row=3, cell=(320, 256), tile=64):
    rows = [r for r in json.load(open(f'{study}/study.json'))['rows'] if r['variant'] == variant]
    sheet = np.asarray(Image.open(f'{study}/sheet_{variant}.png').convert('RGB'))
    order = sorted(range(len(rows)), key=lambda i: ('spinning' in rows[i]['prompt'], -rows[i]['r_precision']))
    fig, axs = plt.subplots(len(rows) // 3, 3, figsize=(10.5, 0.95 * len(rows) // 3 + 0.4))
    for ax, i in zip(axs.flat, order):
        y, x = (i // per_row) * cell[1], (i % per_row) * cell[0]
        strip = np.concatenate([sheet[y + k * tile: y + (k + 1) * tile, x: x + tile] for k in range(4)], 1)  # view 1, 4 times
        r = rows[i]
        ax.imshow(strip); ax.set_axis_off()
        ax.set_title(f"{r['prompt']}{' (held out)' if r['held_out'] else ''}: R = {r['r_precision']:.2f}", fontsize=8)
    fig.tight_layout(pad=0.3); fig.savefig(out, dpi=100)

if __name__ == '__main__': main(*sys.argv[1:4])
