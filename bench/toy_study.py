"""The toy-world study of issue 5 (and the paper's Table 2 analogue): `mav3d_generate` on 12 prompts (6 held out from
the priors' training) with the full method and each ablation, runs in parallel processes on one GPU; writes a JSON of
every verdict, a markdown table, and a picture of every result.

    python bench/toy_study.py --out runs/study --variants full,no_static,fixed_camera,no_annealing,no_srft --parallel 12

`--image` runs image-to-4D instead (issue 9): each prompt's input is one ground-truth frame (`toy_image`, scene seed
1000 + its index), and the verdict adds appearance (colour and shape right).

GPU runs are not bitwise reproducible, but a rerun of a seed repeats its verdicts (bench/NOTES.md, session 27) while a
prompt's R-precision moves by up to 1.0 between seeds: `--seeds 0,1,2` runs each prompt and variant with several seeds
(folders PROMPT_seedN), and the tables average them.
"""
import argparse, json, os, re, subprocess, sys, time
from pathlib import Path

from mav3d.image4d import STUDY_PROMPTS as PROMPTS  # 6 held out from the priors' training, then 6 seen
from mav3d.toyworld import HELD_OUT
# each variant: the ablation switches of `generate` (paper Table 2), or settings (`--set`) it changes in the `fast` preset
# of the day (session 20 made hold50's settings the preset's own: since then `full` is what `hold50` was)
VARIANTS = dict(full={}, no_static=dict(no_static=True), fixed_camera=dict(fixed_camera=True), no_annealing=dict(no_annealing=True),
                no_srft=dict(no_srft=True), learned_bg=dict(set='background=learned'),
                # probes of the spin problem (session 16): stronger video guidance, a longer dynamic stage
                g50=dict(set='guidance_video=50'), long=dict(set='dynamic_steps=700,sigma_steps=700'),
                # session 17: no TV on the planes (does it hold the time planes still?), weaker video guidance
                notv=dict(set='tv_weight=0'), g7=dict(set='guidance_video=7.5'),
                # session 18: temporal planes that learn 10 × faster (with the geometry held still, the stripes then turn)
                tlr10=dict(set='time_lr_scale=10'), tlr10_g7=dict(set='time_lr_scale=10,guidance_video=7.5'),
                # ... and both stages at guidance 7.5 (at 20 the static stage makes the yellow sphere saturated and too big)
                g7all=dict(set='guidance_image=7.5,guidance_video=7.5'),
                tlr10_g7all=dict(set='time_lr_scale=10,guidance_image=7.5,guidance_video=7.5'),
                tlr10_gi7=dict(set='time_lr_scale=10,guidance_image=7.5'),
                # FPS sampling's symmetric law: the paper's never draws t = 1, and finished scenes come apart there
                fpssym=dict(set='fps_symmetric=true'),
                # session 20: the static stage's density held for half (all) of the dynamic stage (`hold_density`), with
                # the settings of the CPU probe that spun (temporal planes × 10, guidance 7.5 in both stages)
                hold50=dict(set='hold_density=0.5,time_lr_scale=10,guidance_image=7.5,guidance_video=7.5'),
                hold100=dict(set='hold_density=1.0,time_lr_scale=10,guidance_image=7.5,guidance_video=7.5'),
                # session 21: SDS-T guided against the prompt's still version instead of the empty prompt (these two ran at
                # commit 15c16cd, where motion_contrast was that switch), then as a term added to the usual guidance (mc*)
                contrast=dict(set='motion_contrast=true'), contrast_g15=dict(set='motion_contrast=true,guidance_video=15'),
                mc7=dict(set='motion_contrast=7.5'), mc3=dict(set='motion_contrast=3'),
                # prepared after session 21's studies (mc7 over-drove every motion of the geometry): weaker, or only while
                # the density is held (the first half of the dynamic stage, when only the colours can move)
                mc1=dict(set='motion_contrast=1.5'), mc7held=dict(set='motion_contrast=7.5,motion_contrast_until=0.5'),
                # session 22: mc7held spun every spinning prompt but over-drove the bounces and growths into slides on seed 1
                mc3held=dict(set='motion_contrast=3,motion_contrast_until=0.5'),
                # issue 8's lever on quality: gradients through 4 of the 16 frames of each video (`grad_frames`)
                gf4=dict(set='grad_frames=4'),
                # session 24: the contrast with every other motion of the object, not only the still one (on seed 1 the
                # still contrast over-drove a bounce and a growth into slides)
                mcothers=dict(set='motion_contrast_with=others'),
                # session 26: the static stage fits the still ground truth (stripes and all) instead of distilling the
                # image prior (`bench/truth_static.py`): can the dynamic stage spin the green cone when it starts striped?
                truth=dict(truth=True),
                # ... and every stage fits the ground truth, the moving one after the static stage (no prior): can the
                # field represent the spin at all under the trainer's schedule (density held for half the dynamic stage)?
                fitall=dict(fit_all=True), fitall_nohold=dict(fit_all=True, set='hold_density=0'),
                # the field can spin (fitall spins every spinner) but SDS-T washes a striped start out: what SDS-T signal
                # turns it? The still contrast at 7.5 over the whole dynamic stage, or stronger video guidance
                truth_mc7all=dict(truth=True, set='motion_contrast=7.5,motion_contrast_until=1'),
                truth_g20=dict(truth=True, set='guidance_video=20'),
                mc7all=dict(set='motion_contrast=7.5,motion_contrast_until=1'),
                # the track (bench/signal_probe.py) shows the stripes fade while the density is held: no hold from the truth
                truth_nohold=dict(truth=True, set='hold_density=0'),
                truth_nohold_mc7all=dict(truth=True, set='hold_density=0,motion_contrast=7.5,motion_contrast_until=1'),
                # (session 27's hsl01 / truth_hsl01, the spatial planes at 0.1 × their rate while held, ran at commit
                # 16b72ab; the option changed no verdict and was taken out in session 29)
                # session 27: SDS-T's target from k guided DDIM steps (chapter 07 `ddim_target`) instead of the one-step estimate
                dt2=dict(set='video_target_steps=2'), dt3=dict(set='video_target_steps=3'), dt5=dict(set='video_target_steps=5'),
                # ... and a longer static stage (the preset's 200 steps × 2.5): more of the stripes a spin needs?
                s500=dict(set='static_steps=500'),
                # ... DDIM targets from the truth-fitted static stage (its stripes kept by a committed target?)
                truth_dt3=dict(truth=True, set='video_target_steps=3'),
                # session 28: a spin is a broken symmetry (a rerun repeats, a change reshuffles)? Noise in the temporal
                # planes at the first dynamic step (tin01 / tin03 / tin1, `time_init_std`: ran at commit 16b72ab, taken
                # out in session 29, the same seeds spun), and a longer held part
                hold75=dict(set='hold_density=0.75'),
                # mc7held spun every spinner but the green cone on seeds 0 and 1 and slid the bounces and growths (session
                # 22); the contrast with every other motion, slides included, kept those right (`mcothers`, session 25): both
                mo7held=dict(set='motion_contrast=7.5,motion_contrast_until=0.5,motion_contrast_with=others'),
                # tin1 spun the same seeds as the preset: is a spin decided by the static stage, or by the later draws?
                # The preset with the dynamic and SRFT stages' draws from seed + 1000 (bench/truth_static.py --redraw)
                redraw=dict(redraw=1000),
                # if the later draws decide (the static stages of spinning and still seeds look alike, session 28): the
                # paper's batch of 8 videos a step instead of the fast preset's 4 (twice the dynamic stage's cost)
                b8=dict(set='batch=8'),
                # session 30: bounces, slides and growths come out 1.2-2.7x the truth's size (session 29's sheet track);
                # is it the guidance? SDS-T at 3 instead of 7.5 once the density is free (and in SRFT)
                gvf3=dict(set='guidance_video_free=3'),
                # session 31: gvf3 brought seed 1's bounces, slides and growths to 0.9-1.3x the truth's size (b8: 1.6-2.5x);
                # mo7held spins the most and over-drives the most: both together
                mo7gv3=dict(set='motion_contrast=7.5,motion_contrast_until=0.5,motion_contrast_with=others,guidance_video_free=3'),
                # ... gvf3 and mo7gv3 lost seed 1's yellow and blue spheres' spins (session 31): between 3 and 7.5
                mo7gv5=dict(set='motion_contrast=7.5,motion_contrast_until=0.5,motion_contrast_with=others,guidance_video_free=5'))

def run_name(prompt:str, seed:int) -> str:
    "A run's folder: the prompt for seed 0, PROMPT_seedN otherwise (`seed_of` reads it back)."
    return prompt.replace(' ', '_') + (f'_seed{seed}' if seed else '')

def seed_of(run:str) -> int: return int(m.group(1)) if (m := re.search(r'_seed(\d+)$', run)) else 0

def run_one(prompt, variant, out, preset, steps, extra, seed=0, image=None):
    kw = dict(VARIANTS[variant])
    extra = ','.join(x for x in (extra, kw.pop('set', None)) if x) or None
    truth, fit_all, redraw = kw.pop('truth', False), kw.pop('fit_all', False), kw.pop('redraw', 0)
    if truth or fit_all or redraw:   # the ground truth in place of the priors' pull, or other draws (bench/truth_static.py)
        how = ['--truth'] if truth else ['--fit-all'] if fit_all else []
        cmd = [str(Path(__file__).with_name('truth_static.py')), prompt, '--out', str(out), *how, '--redraw', str(redraw),
               '--scene', str(seed), '--seed', str(seed), '--preset', preset,
               *(['--steps', steps] if steps else []), *(['--set', extra] if extra else [])]
    else:
        if image: kw['image'], prompt = str(image), ''
        cmd = ['-c', f"from mav3d.generate import generate; generate({prompt!r}, out={str(out)!r}, preset={preset!r}, "
                     f"steps={steps!r}, set={extra!r}, seed={seed}, progress=False, **{kw!r})"]
    return subprocess.Popen([sys.executable, *cmd], stdout=open(out.with_suffix('.log'), 'w'), stderr=subprocess.STDOUT,
                            env={**os.environ, 'OMP_NUM_THREADS': '1'})

def prior_rprec(prompts, n=8, device='cuda'):
    "R-precision of the toy prior's own samples for each prompt (n views' suffixes, evaluator-scored)."
    import torch
    from mav3d.toypriors import load_toy_t2v, sample_t2v
    from mav3d.toyeval import load_evaluator, prompt_scores, r_precision
    from mav3d.cameras import view_names
    from mav3d.export import grid_cameras
    parts, ev = load_toy_t2v(device=device), load_evaluator(device=device)
    cams = grid_cameras(n, 16, radius=1.4, device=device)
    views = view_names(cams.theta[:, 0], cams.phi[:, 0])
    g = torch.Generator(device).manual_seed(0)
    out = {}
    for p in prompts:
        v = sample_t2v(parts, [f"{p}, {w} view" for w in views], torch.full((n,), 1 / 15), generator=g)
        out[p] = r_precision(prompt_scores(ev, v), [p] * n)
    return out

ABBR = {'bouncing': 'bounce', 'sliding left and right': 'slide', 'spinning': 'spin', 'growing and shrinking': 'grow',
        'standing still': 'still'}

def per_view_table(rows) -> str:
    "Markdown: each run's verdict per view (the evaluator's 8 fixed cameras at azimuths 0°, 45°, ...), and its stage times."
    done = [r for r in rows if 'guesses' in r]
    n = max((len(r['guesses']['motion']) for r in done), default=8)
    head = ['variant', 'prompt'] + [f'{360 * i // n}°' for i in range(n)] + ['static s', 'dynamic s', 'SRFT s']
    lines = ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
    for r in done:
        _, c, sh, m = r['prompt'].split(' ', 3)                       # 'a {colour} {shape} {motion}'
        g = r['guesses']
        cells = [('✓ ' if (gc, gs, gm) == (c, sh, m) else '✗ ') + (ABBR.get(gm, gm) if (gc, gs) == (c, sh) else f'{gc} {gs} {ABBR.get(gm, gm)}')
                 for gc, gs, gm in zip(g['colour'], g['shape'], g['motion'])]
        t = r.get('stage_seconds', {})
        lines.append(f"| {r['variant']} | {r['prompt']} | " + ' | '.join(cells) + ' | ' +
                     ' | '.join(f"{t[k]:.0f}" if k in t else '' for k in ('static', 'dynamic', 'srft')) + ' |')
    return '\n'.join(lines) + '\n'

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='runs/study'); ap.add_argument('--variants', default='full')
    ap.add_argument('--prompts', type=int, default=12); ap.add_argument('--parallel', type=int, default=12)
    ap.add_argument('--preset', default='fast'); ap.add_argument('--steps', default=None); ap.add_argument('--set', default=None)
    ap.add_argument('--pick', default=None, help='indices into PROMPTS, e.g. 6,2,9 (default: the first --prompts)')
    ap.add_argument('--text', default=None, help="other toy prompts instead, separated by ';', e.g. 'a white cone spinning'")
    ap.add_argument('--prior-rprec', action='store_true'); ap.add_argument('--deadline', type=float, default=1e9)
    ap.add_argument('--image', action='store_true', help='image-to-4D from one ground-truth frame of each prompt')
    ap.add_argument('--seeds', default='0', help='seeds per prompt and variant, e.g. 0,1,2 (verdicts differ between seeds: average them)')
    ap.add_argument('--report-to', default=None, metavar='DIR', help="write study.json, study.md and the sheets here (default --out), "
                    "after every finished run: a device call's $OUT keeps them if the call is killed")
    ap.add_argument('--views-of', default=None, metavar='STUDY_JSON', help="only print the per-view table of a finished study")
    a = ap.parse_args()
    if a.views_of: return print(per_view_table(json.loads(Path(a.views_of).read_text())['rows']), end='')
    if a.text and a.image: ap.error('--image takes --pick, not --text (each input frame is seeded by its study index)')
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    prompts = a.text.split(';') if a.text else [PROMPTS[int(i)] for i in a.pick.split(',')] if a.pick else PROMPTS[:a.prompts]
    jobs = [(p, v, int(s)) for s in a.seeds.split(',') for v in a.variants.split(',') for p in prompts]
    t0, running, done = time.time(), [], []
    while jobs or running:
        while jobs and len(running) < a.parallel:
            p, v, seed = jobs.pop(0); d = out / v / run_name(p, seed); d.parent.mkdir(parents=True, exist_ok=True)
            img = None
            if a.image:
                from mav3d.image4d import toy_image
                img = out / 'inputs' / (p.replace(' ', '_') + '.png'); toy_image(p, img, seed=1000 + PROMPTS.index(p))
            running.append((p, v, d, run_one(p, v, d, a.preset, a.steps, a.set, seed, img)))
        time.sleep(2)
        if time.time() - t0 > a.deadline:
            alive = [r for r in running if r[3].poll() is None]   # NB: one that finished since the last poll is not killed
            for r in alive: r[3].kill(); r[3].wait()
            print(f"deadline: killed {len(alive)} runs, {len(jobs)} not started", flush=True)
            done += running; running, jobs = [], []
        for r in [r for r in running if r[3].poll() is not None]:
            running.remove(r); done.append(r)
            print(f"{time.time() - t0:5.0f}s done {r[1]} / {r[0]} rc={r[3].returncode}", flush=True)
            report(done, Path(a.report_to or out), a.variants, t0)   # NB: so that a call killed later keeps what finished
    print('\n'.join(report(done, Path(a.report_to or out), a.variants, t0, a.prior_rprec)))

def view_mean(measures) -> dict|None:
    "The model-free track (`toy_verdict`'s motion_measures, per view) averaged over the views: horizontal, vertical, size."
    if not measures: return None
    return {k: round(sum(m[k] for m in measures) / len(measures), 4) for k in ('horizontal', 'vertical', 'size')}

def report(done, out:Path, variants:str, t0:float, prior_r:bool=False):
    "study.json, study.md (the tables) and a sheet of the results per variant, of the runs done so far, into `out`."
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for p, v, d, proc in done:
        s = json.loads((d / 'summary.json').read_text()) if (d / 'summary.json').exists() else None
        rows.append(dict(prompt=p, variant=v, run=d.name, held_out=p in HELD_OUT, rc=proc.returncode,
                         **({} if s is None else dict(r_precision=s['verdict']['r_precision'], appearance=s['verdict'].get('r_precision_appearance'), motion_ratio=s['verdict']['motion_ratio'],
                                                      guesses=s['verdict']['guesses'], stage_seconds=s['stage_seconds'], skipped=s['skipped'],
                                                      track=view_mean(s['verdict'].get('motion_measures')),
                                                      track_truth=view_mean(s['verdict'].get('motion_measures_truth'))))))
    res = dict(rows=rows, wall_seconds=time.time() - t0)
    if prior_r: res['prior_r_precision'] = prior_rprec(PROMPTS)  # all 12: cheap, and the bar is relative to it
    (out / 'study.json').write_text(json.dumps(res, indent=1))
    lines = ['| variant | prompt | held out | R-prec (8 views) | appearance | motion ratio | guessed motion (majority) | prior R-prec |', '|---|---|---|---|---|---|---|---|']
    from collections import Counter
    for r in rows:
        if 'r_precision' not in r: lines.append(f"| {r['variant']} | {r['prompt']} | {r['held_out']} | failed rc={r['rc']} | | | | |"); continue
        mot = Counter(r['guesses']['motion']).most_common(1)[0][0]
        pr = res.get('prior_r_precision', {}).get(r['prompt'], '')
        ap_ = '' if r.get('appearance') is None else f"{r['appearance']:.2f}"
        lines.append(f"| {r['variant']} | {r['prompt']} | {'yes' if r['held_out'] else ''} | {r['r_precision']:.2f} | {ap_} | {r['motion_ratio']:.2f} | {mot} | {pr} |")
    for v in variants.split(','):
        rs = [r for r in rows if r['variant'] == v and 'r_precision' in r]
        apps = [r['appearance'] for r in rs if r.get('appearance') is not None]
        if rs: lines.append(f"| **{v}** | mean of {len(rs)} | | {sum(r['r_precision'] for r in rs) / len(rs):.2f} | "
                            f"{sum(apps) / len(apps) if apps else float('nan'):.2f} | {sum(r['motion_ratio'] for r in rs) / len(rs):.2f} | | |")
    lines += ['', 'Per view (✓: colour, shape and motion right; the motion guessed, or the whole guess when the object is wrong):', '',
              per_view_table(rows)]
    (out / 'study.md').write_text('\n'.join(lines) + '\n')
    # one picture per variant: each result's grid (time × view, with depth), 3 to a row
    from PIL import Image
    for v in variants.split(','):
        ims = [Image.open(d / 'grid.png') for p, vv, d, _ in done if vv == v and (d / 'grid.png').exists()]
        if not ims: continue
        w, h = ims[0].size
        sheet = Image.new('RGB', (w * 3, h * ((len(ims) + 2) // 3)), 'white')
        for i, im in enumerate(ims): sheet.paste(im, ((i % 3) * w, (i // 3) * h))
        sheet.thumbnail((2400, 2400))  # NB: 256 colours, a third of the size: the raw results travel with the repo to the GPU (64 MiB)
        sheet.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG).save(out / f'sheet_{v}.png', optimize=True)
    return lines

if __name__ == '__main__': main()
