#!/usr/bin/env python3
"""Checks an HTML report as a browser rendered it (`make test-report`).

    scripts/check-report.py --html FILE.html --dom DOM.html --log CHROMIUM.log
                            --png SHOT.png --charts ID,ID,... [--min-drawn N]

Fails (exit 1, one line per problem) when:
- the page is not well-formed (it is written as XML-compatible HTML);
- it refers to anything outside itself (script, stylesheet, image, URL);
- a chart named in --charts is missing from the page or from the DOM that
  Chromium built, or any `<svg class="chart">` draws fewer than --min-drawn
  elements or only zero-sized ones;
- two text labels of one chart overlap, as the label probe
  (scripts/label-probe.js, injected into the copy whose DOM is dumped)
  measured their boxes in the browser, or the probe did not run;
- Chromium's log shows a console message (the page runs no script, so any
  message is an error or an uncaught exception), or a resource that failed
  to load;
- the screenshot is missing, not a PNG of the window size, or blank.
"""
import argparse
import html
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
DRAWN = ("rect", "line", "polyline", "polygon", "circle", "path", "text")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def check_page(path, charts, min_drawn, problems):
    text = open(path, encoding="utf-8").read()
    try:
        root = ET.fromstring(re.sub(r"^<!DOCTYPE html>", "", text, count=1))
    except ET.ParseError as e:
        problems.append(f"{path}: not well-formed: {e}")
        return
    for banned in ("<script", "<link", "<img", "<iframe", "@import", "url("):
        if banned in text:
            problems.append(f"{path}: has {banned}; the page must need no script and nothing from outside")
    for url in re.findall(r"https?://[^\s\"'<>)]+", text):
        if url != "http://www.w3.org/2000/svg":
            problems.append(f"{path}: external URL {url}")
    found = {}
    for svg in root.iter(SVG + "svg"):
        if "chart" in svg.get("class", "").split():
            found[svg.get("id")] = svg
    for chart in charts:
        if chart not in found:
            problems.append(f"{path}: chart '{chart}' is missing")
    for cid, svg in found.items():
        drawn = [e for e in svg.iter() if local(e.tag) in DRAWN]
        sized = [e for e in drawn if has_size(e)]
        if len(drawn) < min_drawn or len(sized) < min(3, min_drawn):
            problems.append(f"{path}: chart '{cid}' is empty ({len(drawn)} elements, {len(sized)} with a size)")
    print(f"check-report: {path}: {len(found)} charts, "
          + ", ".join(f"{cid} {sum(1 for e in svg.iter() if local(e.tag) in DRAWN)}" for cid, svg in found.items()))


def has_size(e):
    tag = local(e.tag)
    f = lambda k: float(e.get(k, "0"))
    if tag == "rect":
        return f("width") > 0 and f("height") > 0
    if tag == "line":
        return (f("x1"), f("y1")) != (f("x2"), f("y2"))
    if tag in ("polyline", "polygon"):
        return len(set(e.get("points", "").split())) >= 2
    if tag == "circle":
        return f("r") > 0
    return tag == "text" and bool("".join(e.itertext()).strip())


def check_dom(path, charts, problems):
    dom = open(path, encoding="utf-8", errors="replace").read()
    ids = re.findall(r'<svg class="chart" id="([^"]+)"', dom)
    if not ids:
        problems.append(f"{path}: Chromium's DOM has no chart (did the page load?)")
    for chart in charts:
        if chart not in ids:
            problems.append(f"{path}: chart '{chart}' is not in Chromium's DOM")
    probe = re.search(r'<pre id="label-overlaps" data-count="(\d+)" data-charts="(\d+)">(.*?)</pre>', dom, re.S)
    if not probe:
        problems.append(f"{path}: the label probe left no result (did its script run?)")
        return
    count, measured = int(probe.group(1)), int(probe.group(2))
    if measured != len(ids):
        problems.append(f"{path}: the label probe measured {measured} charts of {len(ids)}")
    for line in probe.group(3).splitlines():
        if line.strip():
            problems.append(f"{path}: labels overlap: {html.unescape(line.strip())}")
    print(f"check-report: {path}: label boxes measured in {measured} charts, {count} overlapping pairs")


def check_log(path, problems):
    for line in open(path, encoding="utf-8", errors="replace"):
        # The page runs no script: any console message at all (Chromium logs
        # them all as INFO:CONSOLE, errors and uncaught exceptions included)
        # means something went wrong.
        if ":CONSOLE" in line or "Uncaught" in line or "Failed to load resource" in line \
                or "Not allowed to load" in line:
            problems.append(f"{path}: {line.strip()[:200]}")


def check_png(path, width, height, problems):
    try:
        data = open(path, "rb").read()
    except OSError as e:
        problems.append(f"{path}: no screenshot ({e.strerror})")
        return
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        problems.append(f"{path}: not a PNG")
        return
    w, h = struct.unpack(">II", data[16:24])
    if (w, h) != (width, height):
        problems.append(f"{path}: {w}x{h}, expected {width}x{height}")
    # The pixels: concatenated IDAT chunks, zlib-compressed scanlines.
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    # A blank page compresses to almost nothing and has a handful of byte values.
    if len(set(raw[::97])) < 16 or len(data) < 20_000:
        problems.append(f"{path}: the screenshot looks blank ({len(data)} bytes)")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--html", required=True)
    p.add_argument("--dom", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--png", required=True)
    p.add_argument("--charts", required=True, help="chart ids that must be there, comma-separated")
    p.add_argument("--min-drawn", type=int, default=10)
    p.add_argument("--size", default="1280x4000")
    a = p.parse_args()
    charts = [c for c in a.charts.split(",") if c]
    width, height = map(int, a.size.split("x"))
    problems = []
    check_page(a.html, charts, a.min_drawn, problems)
    check_dom(a.dom, charts, problems)
    check_log(a.log, problems)
    check_png(a.png, width, height, problems)
    for problem in problems:
        print("check-report: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
