#!/usr/bin/env python3
"""How much of the blind-spot training/validation loss ratio comes from where each loss is measured.

On a noisy/clean pair the per-pixel loss of a good blind-spot network is about the noise variance there,
(noisy - a*clean - b)^2 after the affine fit. Validation averages it over 6 patch-sized grid blocks, one drawn
from each sixth of the blocks sorted by mean (TrainingSplit.heldOut). Training averages it over random patches
whose top-left corner is uniform among the positions that overlap no held-out block (PatchRegion.draw), which
weights the image's centre and the areas away from the held-out blocks. This prints the ratio of the two
averages for random draws of the held-out blocks, per field.

usage: loss-gap-model.py <folder with noisy_NNN.tif and clean_NNN.tif> [draws]   (needs numpy and PIL)
"""
import sys

import numpy as np
from PIL import Image

PATCH = 64
HELD_OUT = 6


def coverage(valid):
    """How many PATCH x PATCH patches with a top-left corner where valid is 1 cover each pixel."""
    rows, cols = valid.shape[0] + PATCH - 1, valid.shape[1] + PATCH - 1
    sums = np.zeros((valid.shape[0] + 1, valid.shape[1] + 1))
    sums[1:, 1:] = valid.cumsum(0).cumsum(1)
    y = np.arange(rows)[:, None]
    x = np.arange(cols)[None, :]
    y0, y1 = np.maximum(0, y - PATCH + 1), np.minimum(valid.shape[0], y + 1)
    x0, x1 = np.maximum(0, x - PATCH + 1), np.minimum(valid.shape[1], x + 1)
    return sums[y1, x1] - sums[y0, x1] - sums[y1, x0] + sums[y0, x0]


def ratios(noisy, clean, draws, rng):
    a, b = np.linalg.lstsq(np.stack([clean.ravel(), np.ones(clean.size)], 1), noisy.ravel(), rcond=None)[0]
    loss = (noisy - (a * clean + b)) ** 2
    h, w = noisy.shape
    rows, cols = h // PATCH, w // PATCH
    blocks = [(j * PATCH, i * PATCH) for j in range(rows) for i in range(cols)]
    order = np.argsort([noisy[y:y + PATCH, x:x + PATCH].mean() for y, x in blocks], kind='stable')
    n = len(blocks)
    out = []
    for _ in range(draws):
        held = [blocks[order[k * n // HELD_OUT + rng.integers((k + 1) * n // HELD_OUT - k * n // HELD_OUT)]]
                for k in range(HELD_OUT)]
        valid = np.ones((h - PATCH + 1, w - PATCH + 1))
        for y, x in held:
            valid[max(0, y - PATCH + 1):y + PATCH, max(0, x - PATCH + 1):x + PATCH] = 0
        cov = coverage(valid)
        training = (cov * loss).sum() / cov.sum()
        validation = np.mean([loss[y:y + PATCH, x:x + PATCH].mean() for y, x in held])
        out.append(training / validation)
    return np.array(out)


def main():
    folder = sys.argv[1]
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    rng = np.random.default_rng(1)
    means = []
    for field in ['%03d' % i for i in range(1, 11)]:
        noisy = np.array(Image.open(f'{folder}/noisy_{field}.tif'), dtype=np.float64)
        clean = np.array(Image.open(f'{folder}/clean_{field}.tif'), dtype=np.float64)
        r = ratios(noisy, clean, draws, rng)
        means.append(r.mean())
        print(f'{field}: training/validation {r.mean():.2f} (10-90 %: {np.percentile(r, 10):.2f}-'
              f'{np.percentile(r, 90):.2f})')
    print(f'mean over the fields: {np.mean(means):.2f}')


if __name__ == '__main__':
    main()
