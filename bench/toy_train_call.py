"""One call of `train_toy_priors` with config overrides, for GPU commands (fastcore CLIs do not parse under -c).
python bench/toy_train_call.py OUT '{"seed": 3, "t2v_minutes": 5, "weighting": "v"}' t2v,measure [INIT]"""
import sys, json
from mav3d.toytrain import ToyTrainConfig, train_toy_priors
out, over, phases = sys.argv[1], json.loads(sys.argv[2]), tuple(sys.argv[3].split(','))
init = sys.argv[4] if len(sys.argv) > 4 else None
train_toy_priors(out, ToyTrainConfig(**over), phases, init)
