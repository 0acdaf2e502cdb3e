"""Compare runs of the same config and seed trained on 1, 2, 4 ... GPUs (issue 5's data-parallel check, issue 10):
parameter and render differences against the first run, the toy verdicts, and the speed-up of every stage.

    python bench/multi_gpu_compare.py runs/w1 runs/w2 runs/w4 --out bench/results/multi_gpu.json
"""
import argparse, json
from pathlib import Path
import torch
from mav3d.train import load_scene
from mav3d.cameras import sample_cameras

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('runs', nargs='+'); ap.add_argument('--out', default='multi_gpu.json')
    a = ap.parse_args()
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    cams = sample_cameras(8, 16, generator=torch.Generator().manual_seed(3)).to(dev)  # 8 dynamic clips, fixed
    rows, ref = [], None
    for r in a.runs:
        s, sc = json.loads((Path(r) / 'summary.json').read_text()), load_scene(r, dev)
        with torch.no_grad(): rgb = sc.render(cams, 32, 32, perturb=False)['rgb'].clamp(0, 1)
        params = torch.cat([p.float().flatten() for p in sc.parameters()])
        if ref is None: ref = (params, rgb)
        mse = (rgb - ref[1]).pow(2).mean().item()
        rows.append(dict(run=r, world=s.get('world'), stage_seconds=s['stage_seconds'], skipped=s['skipped'],
                         r_precision=s['verdict']['r_precision'], motion_ratio=s['verdict']['motion_ratio'],
                         max_param_diff=(params - ref[0]).abs().max().item(), rel_param_diff=((params - ref[0]).norm() / ref[0].norm()).item(),
                         max_render_diff=(rgb - ref[1]).abs().max().item(), render_psnr=10 * torch.log10(torch.tensor(1 / max(mse, 1e-12))).item()))
    base = rows[0]['stage_seconds']
    for row in rows: row['speedup'] = {k: base[k] / v for k, v in row['stage_seconds'].items() if v}
    lines = ['| GPUs | static s | dynamic s | SRFT s | speed-up (dynamic / SRFT) | max param diff | rel. param diff | render PSNR vs 1 GPU (dB) | max render diff | R-prec | motion ratio |',
             '|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|']
    for w in rows:
        st, sp = w['stage_seconds'], w['speedup']
        lines.append(f"| {w['world']} | {st.get('static', 0):.1f} | {st.get('dynamic', 0):.1f} | {st.get('srft', 0):.1f} | "
                     f"{sp.get('dynamic', 0):.2f}× / {sp.get('srft', 0):.2f}× | {w['max_param_diff']:.2e} | {w['rel_param_diff']:.2e} | "
                     f"{w['render_psnr']:.1f} | {w['max_render_diff']:.3f} | {w['r_precision']:.2f} | {w['motion_ratio']:.2f} |")
    print('\n'.join(lines))
    Path(a.out).write_text(json.dumps(dict(rows=rows, table=lines, gpu=torch.cuda.get_device_name() if dev == 'cuda' else 'cpu'), indent=1))

if __name__ == '__main__': main()
