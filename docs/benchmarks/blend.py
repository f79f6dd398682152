#!/usr/bin/env python3
"""Blends two denoised results of the same noisy images: (1 - w) * a + w * b', where b' is b fitted to a by least
squares (gain and offset), so that results on different intensity scales can be averaged. Writes 32-bit TIFFs of
the same names into the output folder, for benchmark-denoise-pairs to score like any other result.

usage: blend.py <folder a> <folder b> <w> <output folder> <file name>...   (needs numpy and PIL)
"""
import os
import sys

import numpy as np
from PIL import Image


def blend(a, b, w):
    design = np.stack([b.ravel(), np.ones(b.size)], 1)
    coef, *_ = np.linalg.lstsq(design, a.ravel(), rcond=None)
    return (1 - w) * a + w * (design @ coef).reshape(a.shape)


def main(folder_a, folder_b, w, out, names):
    os.makedirs(out, exist_ok=True)
    for name in names:
        a = np.asarray(Image.open(os.path.join(folder_a, name)), dtype=np.float64)
        b = np.asarray(Image.open(os.path.join(folder_b, name)), dtype=np.float64)
        target = os.path.join(out, name)
        if os.path.exists(target):
            sys.exit(f"{target} exists already; choose another output folder")
        Image.fromarray(blend(a, b, float(w)).astype(np.float32)).save(target)


if __name__ == "__main__":
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
