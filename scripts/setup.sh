#!/bin/sh
# Installs what the workbook needs and is missing: libcmark-dev (through apt-get when root).
# Idempotent and quiet when everything is there already.
set -eu

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: the Swift toolchain is missing; install Swift 6 from swift.org, then run make again." >&2
  exit 1
fi

if pkg-config --exists libcmark 2>/dev/null; then
  exit 0
fi

packages="libcmark-dev"
command -v pkg-config >/dev/null 2>&1 || packages="$packages pkg-config"

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing $packages with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq $packages >/dev/null
    exit 0
  fi
  echo "setup: libcmark is missing. Run:  sudo apt-get update && sudo apt-get install -y $packages" >&2
  exit 1
fi
if command -v brew >/dev/null 2>&1; then
  echo "setup: libcmark is missing. Run:  brew install cmark pkg-config" >&2
  exit 1
fi
echo "setup: libcmark (the CommonMark C library, with its pkg-config file) is missing; install it with your package manager." >&2
exit 1
