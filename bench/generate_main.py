"""`mav3d_generate` as a script, for launchers that need a file: `torchrun --nproc_per_node 2 bench/generate_main.py
"a red cube bouncing" --out runs/cube2` trains on 2 GPUs (each renders half of every batch; the trainer joins the
process group itself)."""
from mav3d.generate import generate_cli

if __name__ == '__main__': generate_cli()
