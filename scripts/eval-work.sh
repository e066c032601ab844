# Sourced by the eval scripts (. scripts/eval-work.sh): sets work to the
# folder for their outputs, EVAL_OUT when set (created, and kept), else a
# temporary folder removed on exit. Exits 2 when neither can be made.
if [ -n "${EVAL_OUT:-}" ]; then
	work=$EVAL_OUT
	mkdir -p "$work" || exit 2
else
	work=$(mktemp -d) || exit 2
	trap 'rm -rf "$work"' EXIT INT TERM
fi
