"""The model-free motion track of study results read back from their sheets (session 29): each run's Figure-2 grid in
`toy_study`'s sheet (4 views × 4 times, 64², the toy backdrop) → `motion_measures` per view (the object's image-space
centroid travel, horizontal and vertical, and its size oscillation), averaged over the views, beside the ground truth's
through the same cameras. A slide travels horizontally; a growth changes size in place; a bounce travels vertically.
Four times per view and 256-colour sheets: a coarse track, enough to tell a large growth from a slide.

    python bench/sheet_track.py bench/results/s29/study2_mo7held/ss_m/sheet_mo7held.png bench/results/s29/study2_mo7held/ss_m/study.json ...
"""
import json, sys, torch, numpy as np
from PIL import Image
from mav3d.export import grid_cameras
from mav3d.toyworld import background_video, motion_measures, make_scene, render_scene
from toy_study import view_mean   # NB: bench/ is the script's folder, so on sys.path

CAMS = grid_cameras(4, 4)   # `figure_grid`'s: 4 views (columns), 4 times (rows)

def grids(sheet_png, study_json):
    "(row, video [4 views, 4 times, 3, 64, 64]) of each run in the sheet, in the study's order, 3 grids to a row."
    im = torch.tensor(np.array(Image.open(sheet_png).convert('RGB'))).permute(2, 0, 1).float() / 255
    variant = sheet_png.rsplit('sheet_', 1)[1][:-len('.png')]   # one sheet per variant, its runs in the study's order
    rows = [r for r in json.load(open(study_json))['rows'] if 'r_precision' in r and r['variant'] == variant]
    for i, r in enumerate(rows):
        g = im[:, (i // 3) * 256:(i // 3 + 1) * 256, (i % 3) * 320:(i % 3) * 320 + 256]   # the depth column left out
        yield r, g.unflatten(1, (4, 64)).unflatten(3, (4, 64)).permute(3, 1, 0, 2, 4)

def track(video, bg) -> dict: return view_mean([motion_measures(v, b) for v, b in zip(video, bg)])

if __name__ == '__main__':
    bg = background_video(CAMS, 64, 64)
    for sheet, study in zip(sys.argv[1::2], sys.argv[2::2]):
        for r, video in grids(sheet, study):
            if 'still' in r['prompt'] or 'spinning' in r['prompt']: continue   # no track to speak of
            guess = max(set(r['guesses']['motion']), key=r['guesses']['motion'].count)
            truth = render_scene(make_scene(r['prompt'], 0), CAMS, 64, 64, n_samples=96)
            print(json.dumps(dict(run=r['run'], variant=r['variant'], r_precision=r['r_precision'], motion_ratio=round(r['motion_ratio'], 2),
                                  guess=guess, ours=track(video, bg), truth=track(truth, bg))), flush=True)
