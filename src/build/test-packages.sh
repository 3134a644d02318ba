#!/usr/bin/env bash
# The Debian packages the integration tests need, installed when missing: `mvn -B verify -Ptest-packages` runs
# `test-packages.sh install` first (the README's test command). The same list is checked by the enforcer execution
# "test-packages" of pom.xml, which stops a plain `mvn -B verify` at once when one is missing.
#   chromium, chromium-driver: the browser tests (src/test/java/dev/arena/browser), /usr/bin/chromium and
#                              /usr/bin/chromedriver
#   docker-compose:            DockerComposeIT validates docker-compose.yml (no Docker engine needed)
set -euo pipefail

missing() {
  local m=()
  [ -x /usr/bin/chromium ] || m+=(chromium)
  [ -x /usr/bin/chromedriver ] || m+=(chromium-driver)
  command -v docker-compose >/dev/null 2>&1 || m+=(docker-compose)
  echo "${m[*]:-}"
}

case "${1:-install}" in
  check)
    m=$(missing)
    [ -z "$m" ] || { echo "missing Debian packages: $m" >&2; exit 1; }
    ;;
  install)
    m=$(missing)
    if [ -z "$m" ]; then
      echo "test packages: chromium, chromium-driver, docker-compose are installed"
      exit 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "test packages missing: $m -- this is not a Debian system (no apt-get): install them by hand" >&2
      exit 1
    fi
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { echo "test packages missing: $m -- run as root or install sudo" >&2; exit 1; }
      sudo=(sudo)
    fi
    echo "test packages: installing $m (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # $m is a list of package names
    "${sudo[@]}" apt-get update -qq >/dev/null
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends $m >/dev/null
    left=$(missing)
    [ -z "$left" ] || { echo "test packages still missing after apt-get install: $left" >&2; exit 1; }
    echo "test packages: installed $m"
    ;;
  *)
    echo "usage: $0 [install|check]" >&2
    exit 2
    ;;
esac
