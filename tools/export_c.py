"""Firmware sources of an int8 .tflite: ``python tools/export_c.py MODEL.tflite --frontend
dcase2022 --out DIR [--vectors N]``; the same as ``tfasc export-c``."""

import sys

from tfasc.cli import main

if __name__ == "__main__":
    sys.exit(main(["export-c", *sys.argv[1:]]))
