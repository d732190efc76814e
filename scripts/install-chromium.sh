#!/usr/bin/env bash
# Installs Debian's chromium, which the browser project's test (packages/cli/test/browser) opens the lab report in.
# `npm test` and `npm run test:browser` run this first. Does nothing when /usr/bin/chromium is already there.
# Installing needs root (apt-get); without it, this says so and leaves the browser project to fail with the same
# advice.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-chromium: /usr/bin/chromium is missing and this is not root on Debian: run 'sudo apt-get install chromium'" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "install-chromium: installed $(/usr/bin/chromium --version)"
