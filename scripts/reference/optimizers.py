"""Writes test/reference/optimizers.json: whole training runs with the optimizer options the
shared golden set leaves out (RMSprop, AMSGrad, dampening, centred RMSprop), computed by
PyTorch in float64 and float32, in the golden training-case format that
`logit-lab conformance` reads. Run with /usr/bin/python3 (Debian's python3-torch)."""
import json
import os
import torch

CASES = {
    "rmsprop": {"type": "RMSprop", "lr": 0.01},
    "rmsprop-centered-momentum": {"type": "RMSprop", "lr": 0.01, "alpha": 0.9,
                                  "centered": True, "momentum": 0.5, "weight_decay": 0.01},
    "adam-amsgrad": {"type": "Adam", "lr": 0.02, "amsgrad": True, "eps": 1e-6},
    "adamw-amsgrad": {"type": "AdamW", "lr": 0.02, "amsgrad": True, "weight_decay": 0.1},
    "sgd-momentum-dampening": {"type": "SGD", "lr": 0.1, "momentum": 0.9, "dampening": 0.3},
}


def optimizer(params, spec):
    args = {k: v for k, v in spec.items() if k != "type"}
    return getattr(torch.optim, spec["type"])(params, **args)


def case(name, spec, dtype):
    torch.manual_seed(7)
    sizes = [2, 6, 3]
    model = torch.nn.Sequential(torch.nn.Linear(2, 6), torch.nn.Tanh(), torch.nn.Linear(6, 3))
    model = model.to(dtype)
    init = [{"weight": m.weight.tolist(), "bias": m.bias.tolist()}
            for m in model if isinstance(m, torch.nn.Linear)]
    x = torch.randn(12, 2, dtype=dtype)
    y = torch.randint(0, 3, (12,))
    batches = [[0, 3, 5, 7, 9, 11], [1, 2, 4, 6, 8, 10]]
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = optimizer(model.parameters(), spec)
    losses = []
    for _ in range(4):
        for b in batches:
            opt.zero_grad()
            loss = loss_fn(model(x[b]), y[b])
            loss.backward()
            opt.step()
            losses.append(loss.item())
    with torch.no_grad():
        outputs = model(x).tolist()
    params = [{"weight": m.weight.tolist(), "bias": m.bias.tolist()}
              for m in model if isinstance(m, torch.nn.Linear)]
    return {
        "id": f"{name}/{str(dtype)[6:]}", "dtype": str(dtype)[6:],
        "model": {"sizes": sizes, "activation": "tanh", "head": "none", "init": init},
        "loss": "CrossEntropyLoss", "loss_options": {}, "optimizer": spec,
        "data": {"x": x.tolist(), "y": y.tolist()}, "batches": batches, "epochs": 4,
        "expected": {"losses": losses, "params": params, "outputs": outputs},
    }


def main():
    torch.set_num_threads(1)
    cases = [case(n, s, d) for n, s in CASES.items() for d in (torch.float64, torch.float32)]
    out = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "optimizers.json")
    with open(out, "w") as f:
        json.dump({"generator": f"PyTorch {torch.__version__}", "cases": cases}, f)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(out)}")


main()
