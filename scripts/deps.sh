#!/bin/sh
# Installs the Debian packages newsdigest builds and tests with, if missing.
set -eu
# Extra package names may be given as arguments (make fuzz adds clang).
need="gcc make pkg-config libutf8proc-dev libstemmer-dev libmodest-dev zlib1g-dev libcmocka-dev wordnet-base $*"
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" \
		|| missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
