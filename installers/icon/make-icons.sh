#!/usr/bin/env bash
# Draws the Aurora Locus icon with ImageMagick 6 (an aurora-coloured ring with "AL" on a night-sky
# disc) and writes the three files jpackage takes: aurora-locus.png (Linux), .ico (Windows) and
# .icns (macOS). ImageMagick 6 cannot write .icns, so that one is assembled here: an icns file is
# 'icns' + length, then entries of a type code + length + a PNG (ic07 128 px, ic08 256, ic09 512).
# The outputs are committed; run this only to change the icon.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

draw() {  # draw SIZE FILE: everything is drawn at 512 px and scaled, so every size looks alike
    local s=512
    convert -size ${s}x${s} xc:none -fill '#0b1430' -draw "circle 256,256 256,8" "$tmp/sky.png"
    # the aurora: a green -> cyan -> violet gradient from top to bottom, cut to a ring
    convert -size ${s}x$((s / 2)) gradient:'#3dff9a-#00d5ff' -size ${s}x$((s / 2)) gradient:'#00d5ff-#8a4dff' -append \
        "$tmp/grad.png"
    convert -size ${s}x${s} xc:black -fill white -draw "circle 256,256 256,36" \
        -fill black -draw "circle 256,256 256,86" -blur 0x2 "$tmp/ring-mask.png"
    convert "$tmp/grad.png" "$tmp/ring-mask.png" -alpha off -compose copy-opacity -composite "$tmp/ring.png"
    convert "$tmp/sky.png" "$tmp/ring.png" -compose over -composite \
        -gravity center -font DejaVu-Sans-Bold -pointsize 170 -fill white -annotate +0+6 'AL' \
        -resize "$1x$1" "$2"
}

draw 512 "$tmp/512.png"
for size in 16 32 48 64 128 256; do convert "$tmp/512.png" -resize ${size}x${size} "$tmp/$size.png"; done
cp "$tmp/256.png" aurora-locus.png
convert "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" aurora-locus.ico

entry() { printf '%s' "$1"; printf '%08x' $((8 + $(stat -c %s "$2"))) | xxd -r -p; cat "$2"; }
{ entry ic07 "$tmp/128.png"; entry ic08 "$tmp/256.png"; entry ic09 "$tmp/512.png"; } > "$tmp/body"
{ printf 'icns'; printf '%08x' $((8 + $(stat -c %s "$tmp/body"))) | xxd -r -p; cat "$tmp/body"; } > aurora-locus.icns
ls -l aurora-locus.png aurora-locus.ico aurora-locus.icns
