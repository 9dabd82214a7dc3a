#!/usr/bin/env python3
"""numpy's symmetric int8 quantization of 64 M floats, the peer of QuantizationBenchmarks.

Prints the median of seven runs of np.clip(np.rint(x / s), -127, 127).astype(np.int8),
with s = absmax / 127, and of a plain copy of the same bytes, in milliseconds.
"""
import statistics
import time

import numpy as np

count = 64 * 1024 * 1024
x = (np.random.default_rng(12345).standard_normal(count) * 100).astype(np.float32)


def median_ms(work, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def quantize():
    s = np.abs(x).max() / 127
    return np.clip(np.rint(x / s), -127, 127).astype(np.int8)


print(f"numpy symmetric int8 quantization, 64 M floats: {median_ms(quantize):.1f} ms")
print(f"numpy copy of 64 M floats: {median_ms(lambda: x.copy()):.1f} ms")
