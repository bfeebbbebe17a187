"""Build an int8 .tflite into firmware and run it in QEMU: ``python tools/mcu_test.py
MODEL.tflite --board mps2-an386|mps3-an547 [--vectors N] [--wav FILE ...]``; the same as
``tfasc mcu-test``."""

import sys

from tfasc.cli import main

if __name__ == "__main__":
    sys.exit(main(["mcu-test", *sys.argv[1:]]))
