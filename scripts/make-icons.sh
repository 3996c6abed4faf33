#!/bin/sh
# Makes the installer icons from build/icon.svg with ImageMagick's `convert`:
#   build/icon.png  1024 x 1024 (electron-builder's Linux icon and source for the rest)
#   build/icon.ico  16, 24, 32, 48, 64, 128 and 256 px (Windows: exe, shortcuts, installer)
# Run after editing icon.svg and commit the outputs: packaging never needs ImageMagick.
set -eu
cd "$(dirname "$0")/../build"
convert -background none -density 384 icon.svg -resize 1024x1024 -strip PNG32:icon.png
convert icon.png -define icon:auto-resize=256,128,64,48,32,24,16 icon.ico
echo "icon.png: $(identify -format '%wx%h' icon.png)"
echo "icon.ico: $(identify -format '%wx%h ' icon.ico)"
