#!/usr/bin/python3
"""Test helper: how much of a PNG screenshot is not blank.

    /usr/bin/python3 tests/tools/png_ink.py FILE.png [MIN_SHARE]

Decodes the PNG with the standard library only (zlib; 8-bit greyscale, RGB, RGBA), prints the
width, the height and the share of pixels that are not near-white, and exits 1 when that share
is below MIN_SHARE (default 0.02) or the image is not a PNG.
"""

import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or interlace or colour not in (0, 2, 6):
                raise ValueError(f"unsupported PNG (depth {depth}, colour {colour}, interlace {interlace})")
            channels = {0: 1, 2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    minimum = float(argv[2]) if len(argv) > 2 else 0.02
    try:
        from PIL import Image  # faster where python3-pil is installed; the same count
        img = Image.open(argv[1]).convert("RGB")
        width, height = img.size
        ink = sum(1 for px in img.getdata() if min(px) < 235)
        share = ink / float(width * height)
        print(f"{argv[1]}: {width}x{height}, {share:.3f} not blank")
        return 0 if share >= minimum else 1
    except ImportError:
        pass
    except OSError as e:
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 1
    try:
        width, height, channels, rows = read_png(argv[1])
    except (OSError, ValueError, zlib.error) as e:
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 1
    ink = 0
    for line in rows:
        for x in range(0, len(line), channels):
            px = line[x:x + min(channels, 3)]
            if min(px) < 235:
                ink += 1
    share = ink / float(width * height)
    print(f"{argv[1]}: {width}x{height}, {share:.3f} not blank")
    return 0 if share >= minimum else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
