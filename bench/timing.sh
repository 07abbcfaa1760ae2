# Shared by the timing scripts (sourced, not run): the binary to time (APPEAL=/path/to/
# other/appeal compares another build), GNU time, and a work folder removed on exit.
# $bench names the calling script in messages.
cd "$(dirname "$0")/.."
APPEAL=${APPEAL:-build/appeal}
[ -x "$APPEAL" ] || { echo "$bench: $APPEAL missing; run scripts/setup.sh" >&2; exit 2; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "$bench: needs GNU time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
