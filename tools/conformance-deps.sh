#!/bin/sh
# Installs what `make conformance` needs (Rhino 1.7.14 as Debian ships it, the
# jar, a headless JDK) with apt-get, only when missing and only where apt-get
# exists. Never fails: without them the conformance command says plainly that
# it did not run.
set -u
need=""
[ -f /usr/share/java/rhino.jar ] || [ -n "${RHINO_JAR:-}" ] || need="$need rhino librhino-java"
command -v javac >/dev/null 2>&1 || need="$need default-jdk-headless"
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "conformance: missing$need and no apt-get to install them" >&2
	exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
echo "conformance: installing$need" >&2
# Bounded, so a machine without a reachable package mirror costs minutes at
# most; the package lists may need a refresh on a fresh machine.
tmo=""
command -v timeout >/dev/null 2>&1 && tmo="timeout 300"
if ! $sudo env DEBIAN_FRONTEND=noninteractive $tmo apt-get install -y --no-install-recommends $need >&2; then
	$sudo env DEBIAN_FRONTEND=noninteractive $tmo apt-get update >&2 &&
		$sudo env DEBIAN_FRONTEND=noninteractive $tmo apt-get install -y --no-install-recommends $need >&2 ||
		echo "conformance: apt-get could not install$need" >&2
fi
exit 0
