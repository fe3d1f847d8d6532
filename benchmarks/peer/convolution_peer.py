"""The peer for docs/performance.md: the notebook's own convolution code and F.conv2d, on PyTorch.

Run with Debian's PyTorch (python3-torch) as /usr/bin/python3 benchmarks/peer/convolution_peer.py.
Prints one line per case: median milliseconds over the repeats, as the .NET benchmark reports means.
"""
import statistics
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(2)

SOBEL_X = torch.tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float)
SOBEL_Y = SOBEL_X.T.contiguous()


def at_position(i, j, img, kernel):
    # The notebook's compute_convolution_at_position: centred indexing, 3x3 kernels only.
    result = 0
    rows, cols = kernel.shape
    for k in range(rows):
        for l in range(cols):
            result += img[i + k - 1, j + l - 1] * kernel[k, l]
    return result


def notebook_convolution(img, kernel):
    height, width = img.shape
    out = torch.zeros(height - 2, width - 2)
    for i in range(1, height - 1):
        for j in range(1, width - 1):
            out[i - 1, j - 1] = at_position(i, j, img, kernel)
    return out


def notebook_custom_sobel(img):
    gx = notebook_convolution(img, SOBEL_X)
    gy = notebook_convolution(img, SOBEL_Y)
    conv = torch.sqrt(gx ** 2 + gy ** 2)
    return conv / torch.max(conv)


def conv2d(img, kernel):
    h, w = img.shape
    return F.conv2d(img.view(1, 1, h, w), kernel.view(1, 1, 3, 3))


def timed(label, fn, repeats):
    fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"{label}: median {statistics.median(samples):.4f} ms over {repeats} runs (min {min(samples):.4f})", flush=True)


torch.manual_seed(1)
small = torch.rand(170, 150)
large = torch.rand(512, 512)
small4 = small.view(1, 1, 170, 150)
large4 = large.view(1, 1, 512, 512)
kernel4 = SOBEL_X.view(1, 1, 3, 3)

print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
timed("notebook Sobel (two loop convolutions), 170x150", lambda: notebook_custom_sobel(small), 3)
timed("notebook loop convolution, one 3x3 kernel, 170x150", lambda: notebook_convolution(small, SOBEL_X), 3)
timed("F.conv2d, 170x150, tensor ready", lambda: F.conv2d(small4, kernel4), 2000)
timed("F.conv2d, 512x512, tensor ready", lambda: F.conv2d(large4, kernel4), 500)
timed("apply_sobel (F.conv2d reference), 170x150", lambda: (lambda x, y: torch.sqrt(x ** 2 + y ** 2) / torch.max(torch.sqrt(x ** 2 + y ** 2)))(conv2d(small, SOBEL_X), conv2d(small, SOBEL_Y)), 1000)
