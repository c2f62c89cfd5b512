#!/usr/bin/env python3
"""The installer's icon: assets/icons/koordinator.png (512×512 RGBA) as a Windows .ico with
64, 32 and 16 pixel images (32-bit BMP, box-filtered), standard library only.
Usage: make_ico.py IN.png OUT.ico"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour == 6 and interlace == 0, "8-bit RGBA, not interlaced"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 4
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - 4] if x >= 4 else 0
            b = prev[x]
            c = prev[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows


def shrink(width, rows, size):
    f = width // size
    out = []
    for y in range(size):
        line = bytearray()
        for x in range(size):
            acc = [0, 0, 0, 0]
            for dy in range(f):
                row = rows[y * f + dy]
                for dx in range(f):
                    p = (x * f + dx) * 4
                    for k in range(4):
                        acc[k] += row[p + k]
            line += bytes(v // (f * f) for v in acc)
        out.append(line)
    return out


def bmp(size, rows):
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(bytes(b for i in range(0, len(r), 4) for b in (r[i + 2], r[i + 1], r[i], r[i + 3])) for r in reversed(rows))
    mask = b"\x00" * (((size + 31) // 32) * 4 * size)
    return header + pixels + mask


width, height, rows = read_png(sys.argv[1])
images = [(s, bmp(s, shrink(width, rows, s))) for s in (64, 32, 16)]
out = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
for s, img in images:
    out += struct.pack("<BBBBHHII", s, s, 0, 0, 1, 32, len(img), offset)
    offset += len(img)
out += b"".join(img for _, img in images)
open(sys.argv[2], "wb").write(out)
