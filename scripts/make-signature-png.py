#!/usr/bin/python3
"""Draws a synthetic handwritten-looking signature as a PNG (stdlib only), for the sample
senders. Usage: make-signature-png.py OUT.png SEED [--alpha]
Deterministic for a given seed; --alpha writes RGBA with a transparent background,
otherwise opaque greyscale on white."""
import math
import struct
import sys
import zlib

out, seed = sys.argv[1], int(sys.argv[2])
alpha = "--alpha" in sys.argv
W, H = 360, 120
ink = [[0.0] * W for _ in range(H)]
# A pen path: a few loops of a Lissajous-like curve drifting right, seeded per sender.
a, b, c = 2 + seed % 3, 3 + seed % 4, 0.3 + (seed % 5) / 10
for i in range(6000):
    t = i / 6000
    x = 20 + t * (W - 40) + 14 * math.sin(2 * math.pi * a * t * 3 + seed)
    y = H / 2 + (H / 3) * math.sin(2 * math.pi * b * t * 2 + c) * math.cos(2 * math.pi * t * 1.5 + seed)
    r = 1.6 + 0.8 * math.sin(t * 40)
    for yy in range(int(y - 3), int(y + 4)):
        for xx in range(int(x - 3), int(x + 4)):
            if 0 <= xx < W and 0 <= yy < H:
                d = math.hypot(xx - x, yy - y)
                ink[yy][xx] = max(ink[yy][xx], min(1.0, max(0.0, r - d + 0.5)))

raw = bytearray()
for row in ink:
    raw.append(0)  # filter: none
    for v in row:
        if alpha:
            raw += bytes((20, 30, 110, int(255 * v)))  # blue ink, coverage as alpha
        else:
            raw.append(int(255 * (1 - v)))


def chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n"
png += chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6 if alpha else 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
png += chunk(b"IEND", b"")
open(out, "wb").write(png)
