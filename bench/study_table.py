"""One variant's 12-prompt × seeds table (issue 5's bar) from the study JSONs of several GPU calls: R-precision over
the evaluator's 8 views per prompt and seed (the guessed motion where it is wrong), each seed's mean over the 12 study
prompts, and the mean over every prompt and seed, the number the bar reads (≥ 0.8, and ≥ 0.82 = 0.9 × the prior's
own 0.91). A prompt-seed that has not run is left blank and the means that need it say so.

    python bench/study_table.py bench/results/s25/o0/ss_o0/study.json bench/results/s25/o2/ss_o2/study.json \
        bench/results/s25/ab/ss_*/study.json bench/results/s24/mcothers/ss_mo/study.json --variant mcothers

Runs of the same prompt, seed and variant in two files are an error (say which one counts by leaving the other out).
"""
import argparse, json
from mav3d.image4d import STUDY_PROMPTS as PROMPTS
from toy_study import seed_of   # NB: bench/ is the script's folder, so on sys.path

def collect(paths, variant) -> dict:
    "{(prompt, seed): row} of `variant` over the files."
    cells = {}
    for p in paths:
        for r in json.load(open(p))['rows']:
            if r['variant'] != variant or 'r_precision' not in r or r.get('rc', 0) != 0: continue
            k = (r['prompt'], seed_of(r['run']))
            if k in cells: raise ValueError(f"{k} ran twice ({p} and an earlier file): pass one of them")
            cells[k] = r
    return cells

def cell(r) -> str:
    if r is None: return ''
    motions = r['guesses']['motion']
    wrong = max(set(motions), key=motions.count)
    return f"{r['r_precision']:.2f}" + ('' if r['r_precision'] >= 0.5 or r['prompt'].endswith(wrong) else f" ({wrong})")

def table(cells, seeds) -> str:
    lines = ['| prompt | ' + ' | '.join(f'seed {s}' for s in seeds) + ' |', '|---|' + '---|' * len(seeds)]
    for p in PROMPTS: lines.append(f'| {p} | ' + ' | '.join(cell(cells.get((p, s))) for s in seeds) + ' |')
    means = []
    for s in seeds:
        rs = [cells[(p, s)]['r_precision'] for p in PROMPTS if (p, s) in cells]
        means.append(f"**{sum(rs) / len(rs):.3f}**" + ('' if len(rs) == len(PROMPTS) else f" ({len(rs)} of {len(PROMPTS)})") if rs else '')
    lines.append(f'| **mean of {len(PROMPTS)}** | ' + ' | '.join(means) + ' |')
    every = [cells[(p, s)]['r_precision'] for p in PROMPTS for s in seeds if (p, s) in cells]
    n = len(PROMPTS) * len(seeds)
    tail = f"\nMean over {len(every)} of {n} prompt-seeds: **{sum(every) / max(len(every), 1):.3f}**"
    if len(every) < n: tail += f"; if the {n - len(every)} missing were all right: {(sum(every) + n - len(every)) / n:.3f}"
    return '\n'.join(lines) + tail + '\n'

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('studies', nargs='+', help="toy_study.py's study.json files")
    ap.add_argument('--variant', default='full'); ap.add_argument('--seeds', default='0,1,2')
    a = ap.parse_args()
    print(table(collect(a.studies, a.variant), [int(s) for s in a.seeds.split(',')]))
