"""PyTorch peer for ConvSpec's one-epoch timing: the lab CNN (or LeNet-5), tensors in memory.

Reads the raw IDX files ConvSpec caches (~/.cache/convspec/mnist, or $CONVSPEC_MNIST_DIR), trains
with the same recipe as ConvSpec (lab CNN: RMSprop lr 1e-3, weight decay 1e-5, batch 64, inputs
byte/255; LeNet-5: SGD lr 1e-3 momentum 0.9, batch 100, inputs in [-1, 1]) on 2 threads, evaluates on
every test batch and prints one JSON line. Run with /usr/bin/python3 (Debian's torch 1.13).
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from torch import nn


def idx(path, header):
    return np.fromfile(path, dtype=np.uint8, offset=header)


def load(directory, scale, offset):
    def split(images, labels):
        x = torch.from_numpy(idx(os.path.join(directory, images), 16).copy()).view(-1, 1, 28, 28)
        y = torch.from_numpy(idx(os.path.join(directory, labels), 8).astype(np.int64))
        return x.float().mul_(scale).add_(offset), y
    return (split("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
            split("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"))


def lab_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3), nn.Flatten(),
        nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10))


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["labcnn", "lenet"], default="labcnn")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    shuffle = torch.Generator().manual_seed(args.seed)
    directory = os.environ.get("CONVSPEC_MNIST_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "convspec", "mnist")
    if args.model == "labcnn":
        (train_x, train_y), (test_x, test_y) = load(directory, 1 / 255, 0.0)
        model, batch = lab_cnn(), 64
        optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, weight_decay=1e-5)
    else:
        (train_x, train_y), (test_x, test_y) = load(directory, 1 / 127.5, -1.0)
        model, batch = lenet(), 100
        optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()

    seconds = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(train_y), generator=shuffle)
        for first in range(0, len(train_y), batch):
            take = order[first:first + batch]
            x, y = train_x.index_select(0, take), train_y.index_select(0, take)
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss.item()
        seconds.append(time.perf_counter() - start)

    model.eval()
    correct, total_loss = 0, 0.0
    with torch.no_grad():
        for first in range(0, len(test_y), 250):
            logits = model(test_x[first:first + 250])
            total_loss += float(nn.functional.cross_entropy(logits, test_y[first:first + 250], reduction="sum"))
            correct += int((logits.argmax(1) == test_y[first:first + 250]).sum())
    print(json.dumps({"model": args.model, "seed": args.seed, "epoch_seconds": seconds,
                      "test_accuracy": correct / len(test_y), "test_loss": total_loss / len(test_y)}))


if __name__ == "__main__":
    main()
