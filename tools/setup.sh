#!/usr/bin/env bash
# Sets up everything tfasc needs on a Debian machine (run as root, or with sudo available):
# Debian packages (Python venv, C/C++ and Arm toolchains, QEMU) when missing, then the
# Python packages of requirements.txt into .venv/ at the repository root. Idempotent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(python3 python3-venv python3-dev build-essential cmake gcc-arm-none-eabi
          libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib qemu-system-arm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
# A Python >= 3.11 that is not Debian's (pyenv, a distribution build) is fine as it is.
python=$(command -v python3.11 || command -v python3 || true)
if [ -n "$python" ] && "$python" -c 'import sys, venv, ensurepip; assert sys.version_info >= (3, 11)' 2>/dev/null; then
  missing=($(printf '%s\n' "${missing[@]}" | grep -vx -e python3 -e python3-venv -e python3-dev || true))
fi
if command -v gcc >/dev/null && command -v g++ >/dev/null && command -v make >/dev/null; then
  missing=($(printf '%s\n' "${missing[@]}" | grep -vx build-essential || true))
fi
if command -v cmake >/dev/null; then
  missing=($(printf '%s\n' "${missing[@]}" | grep -vx cmake || true))
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python=$(command -v python3.11 || command -v python3)

if [ ! -x .venv/bin/python ]; then
  echo "[setup] creating .venv with $("$python" --version)"
  "$python" -m venv .venv
fi
stamp=.venv/.tfasc-requirements
if [ ! -f "$stamp" ] || ! cmp -s requirements.txt "$stamp"; then
  echo "[setup] installing Python packages (requirements.txt)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  cp requirements.txt "$stamp"
fi
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e . 2>/dev/null \
  || .venv/bin/python -m pip install -q --no-deps -e .
echo "[setup] ready: $(.venv/bin/python --version), tfasc in .venv/"
