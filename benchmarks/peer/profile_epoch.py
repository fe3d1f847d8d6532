"""PyTorch peer of ConvSpec's per-layer epoch profile (benchmarks/epoch-profile.sh).

Runs one epoch of the lab CNN three times, each from a freshly seeded model, with the recipe of
train_epoch.py (RMSprop lr 1e-3, weight decay 1e-5, batch 64, inputs byte/255, 2 threads):
1. plain, as train_epoch.py trains (wall and CPU time);
2. layer by layer, cut exactly as ConvSpec's profile cuts it (each layer's input detached, backward one
   layer at a time, one optimiser per layer with parameters), with a timer around every piece;
3. plain under torch.profiler, which reports the time per operator (self CPU time).
Prints one JSON object in the schema that `ConvSpec.Benchmarks epoch-profile` prints.
Run with /usr/bin/python3 (Debian's torch 1.13).
"""
import json
import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
from train_epoch import lab_cnn, load  # noqa: E402

BATCH = 64


def optimizer_for(params):
    return torch.optim.RMSprop(params, lr=1e-3, weight_decay=1e-5)


def evaluate(model, test_x, test_y):
    model.eval()
    correct = 0
    with torch.no_grad():
        for first in range(0, len(test_y), 250):
            logits = model(test_x[first:first + 250])
            correct += int((logits.argmax(1) == test_y[first:first + 250]).sum())
    return correct / len(test_y)


def plain_epoch(train_x, train_y, test_x, test_y, step_hook=None):
    torch.manual_seed(0)
    shuffle = torch.Generator().manual_seed(0)
    model = lab_cnn()
    optimizer = optimizer_for(model.parameters())
    model.train()
    start, cpu = time.perf_counter(), time.process_time()
    order = torch.randperm(len(train_y), generator=shuffle)
    for first in range(0, len(train_y), BATCH):
        take = order[first:first + BATCH]
        x, y = train_x.index_select(0, take), train_y.index_select(0, take)
        logits = model(x)
        loss = nn.functional.cross_entropy(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss.item()
        int((logits.argmax(1) == y).sum())
        if step_hook:
            step_hook()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    clock = time.perf_counter()
    accuracy = evaluate(model, test_x, test_y)
    return {"epoch_seconds": seconds, "cpu_seconds": cpu_seconds,
            "eval_seconds": time.perf_counter() - clock, "test_accuracy": accuracy}


def layered_epoch(train_x, train_y, test_x, test_y):
    torch.manual_seed(0)
    shuffle = torch.Generator().manual_seed(0)
    model = lab_cnn()
    layers = []
    for name, child in model.named_children():
        params = list(child.parameters())
        layers.append({"layer": f"{name} {type(child).__name__}", "module": child,
                       "optimizer": optimizer_for(params) if params else None,
                       "forward": 0.0, "backward": 0.0, "step": 0.0})
    times = {"batch_preparation": 0.0, "loss_forward": 0.0, "loss_backward": 0.0, "zero_grad": 0.0,
             "read_loss_and_accuracy": 0.0}
    model.train()
    clock = time.perf_counter()
    order = torch.randperm(len(train_y), generator=shuffle)
    for first in range(0, len(train_y), BATCH):
        t = time.perf_counter()
        take = order[first:first + BATCH]
        x, y = train_x.index_select(0, take), train_y.index_select(0, take)
        times["batch_preparation"] += time.perf_counter() - t
        inputs, outputs, current = [], [], x
        for i, layer in enumerate(layers):
            inputs.append(current if i == 0 else current.detach().requires_grad_())
            t = time.perf_counter()
            outputs.append(layer["module"](inputs[i]))
            layer["forward"] += time.perf_counter() - t
            current = outputs[i]
        t = time.perf_counter()
        logits = current.detach().requires_grad_()
        loss = nn.functional.cross_entropy(logits, y)
        times["loss_forward"] += time.perf_counter() - t
        t = time.perf_counter()
        for layer in layers:
            if layer["optimizer"]:
                layer["optimizer"].zero_grad()
        times["zero_grad"] += time.perf_counter() - t
        t = time.perf_counter()
        loss.backward()
        times["loss_backward"] += time.perf_counter() - t
        for i in reversed(range(len(layers))):
            above = inputs[i + 1] if i + 1 < len(layers) else logits
            t = time.perf_counter()
            outputs[i].backward(above.grad)
            layers[i]["backward"] += time.perf_counter() - t
        for layer in layers:
            if layer["optimizer"]:
                t = time.perf_counter()
                layer["optimizer"].step()
                layer["step"] += time.perf_counter() - t
        t = time.perf_counter()
        loss.item()
        int((current.argmax(1) == y).sum())
        times["read_loss_and_accuracy"] += time.perf_counter() - t
    seconds = time.perf_counter() - clock
    accuracy = evaluate(model, test_x, test_y)
    return dict(times, epoch_seconds=seconds, test_accuracy=accuracy,
                layers=[{k: layer[k] for k in ("layer", "forward", "backward", "step")} for layer in layers])


def profiled_epoch(train_x, train_y, test_x, test_y, top):
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        result = plain_epoch(train_x, train_y, test_x, test_y)
    ops = sorted(prof.key_averages(), key=lambda e: e.self_cpu_time_total, reverse=True)[:top]
    result["operators"] = [{"name": e.key, "calls": e.count, "self_seconds": e.self_cpu_time_total / 1e6}
                           for e in ops]
    return result


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    torch.set_num_threads(threads)
    directory = os.environ.get("CONVSPEC_MNIST_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "convspec", "mnist")
    (train_x, train_y), (test_x, test_y) = load(directory, 1 / 255, 0.0)
    report = {"who": "pytorch " + torch.__version__, "threads": torch.get_num_threads(),
              "interop_threads": torch.get_num_interop_threads(),
              "mkldnn": torch.backends.mkldnn.is_available()}
    report["plain"] = plain_epoch(train_x, train_y, test_x, test_y)
    report["layered"] = layered_epoch(train_x, train_y, test_x, test_y)
    report["profiler"] = profiled_epoch(train_x, train_y, test_x, test_y, top=15)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
