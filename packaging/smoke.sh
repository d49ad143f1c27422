#!/usr/bin/env bash
# Smoke test of the built bundle: bash packaging/smoke.sh [BUNDLE_DIR]   (default dist/SNApp)
#
# Runs the frozen executable directly in an emptied environment: no Python and
# no virtualenv on PATH (PATH is an empty folder), HOME and the XDG folders in
# a temporary directory, so the database is created in a fresh user data
# folder. It checks --version, init, the first admin, the demo company, a
# label PDF and a report PDF, and that the desktop app opens its first window
# offscreen and ends by itself (SNAPP_SMOKE_QUIT_MS, see snapp/gui/app.py).
# With SNAPP_SMOKE_READER set to a Python that has the test extra installed
# (CI passes .venv/bin/python), the PDFs are read back as the tests read them:
# barcodes decoded from the rendered label, the PO number in the report's text.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUNDLE=$(cd "${1:-dist/SNApp}" && pwd)
APP="$BUNDLE/SNApp"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/empty-path" "$WORK/home"
PASSWORD="smoke-test-$$-password"
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)

frozen() {  # frozen [VAR=VALUE...] COMMAND...: the bundle alone, stopped if it hangs
    timeout 300 env -i HOME="$WORK/home" PATH="$WORK/empty-path" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" \
        XDG_CACHE_HOME="$WORK/cache" SNAPP_USER=smoke.admin SNAPP_PASSWORD="$PASSWORD" "$@"
}
timed() {  # timed LABEL COMMAND...: run it, print its wall-clock seconds, keep its exit status
    local label=$1 start end status=0
    shift
    start=$(date +%s.%N)
    "$@" || status=$?
    end=$(date +%s.%N)
    awk -v label="$label" -v s="$start" -v e="$end" 'BEGIN { printf "smoke: %s: %.2f s\n", label, e - s }' >&2
    return $status
}
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
step() { echo "smoke: $*" >&2; }

step "bundle $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
for shipped in snapp/ui/login.ui snapp/resources/fonts/wqy-microhei.ttc snapp/resources/fonts/wqy-microhei.COPYRIGHT \
    snapp/resources/translations/snapp_zh_CN.qm snapp/resources/labels/thermal-50x30.json \
    snapp/resources/icons/snapp.svg snapp/db/migrations/env.py 'snapp/db/migrations/versions/0001_*.py' \
    'psycopg_binary/_psycopg.*'; do  # PostgreSQL's client library, so no PC needs one installed
    compgen -G "$BUNDLE/_internal/$shipped" >/dev/null || fail "the bundle lacks $shipped"
done
[ "$(frozen "$APP" --version)" = "SNApp $VERSION" ] || fail "--version does not print SNApp $VERSION"
timed "start to --version printed" frozen "$APP" --version >/dev/null

step "init, first admin, demo company"
frozen "$APP" init
[ -f "$WORK/data/SNApp/snapp.db" ] || fail "init made no database in the user data folder"
echo "$PASSWORD" | frozen "$APP" user add smoke.admin --role admin --password-stdin
frozen "$APP" demo
SHOWN=$(frozen "$APP" serial show PF00000001 --json)
RECEIPT=$(echo "$SHOWN" | sed -n 's/^ *"receipt": "\(.*\)",$/\1/p')
PO=$(echo "$SHOWN" | sed -n 's/^ *"po": "\(.*\)",$/\1/p')
[ -n "$RECEIPT" ] && [ -n "$PO" ] || fail "the demo's PF00000001 names no receipt or PO"

step "labels of $RECEIPT, report of $PO"
frozen "$APP" labels --receipt "$RECEIPT" --template thermal-50x30 --out "$WORK/labels.pdf"
frozen "$APP" report po "$PO" --out "$WORK/po.pdf"
for pdf in labels po; do
    [ "$(head -c 5 "$WORK/$pdf.pdf")" = "%PDF-" ] || fail "$pdf.pdf is not a PDF"
    grep -aq "FontFile2" "$WORK/$pdf.pdf" || fail "$pdf.pdf embeds no TrueType font (the bundled CJK font)"
done
if [ -n "${SNAPP_SMOKE_READER:-}" ]; then
    (cd "$ROOT" && "$SNAPP_SMOKE_READER" - "$WORK/labels.pdf" "$WORK/po.pdf" "$PO" <<'PY') || fail "the PDFs do not read back"
import sys
from pathlib import Path

from tests.pdfkit import decoded, flat, render, text

labels, po, number = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
codes = decoded(render(labels))
assert any(kind == "Code 128" and serial.startswith("PF") for kind, serial in codes), codes
assert number in flat(text(po)[0]), text(po)[0]
print(f"smoke: read back: label barcodes {sorted(codes)}; {number} in the report", file=sys.stderr)
PY
fi

step "snapp serve: the bundle answers over HTTPS with its own certificate, and serves the floor client"
PORT=$((20000 + RANDOM % 20000))
frozen "$APP" serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.2
done
if [ -n "${SNAPP_SMOKE_READER:-}" ]; then
    "$SNAPP_SMOKE_READER" -c "import httpx, ssl, sys; ctx = ssl.create_default_context(cafile=sys.argv[1]); \
paths = ['/api/openapi.json', '/floor/', '/floor/sw.js', '/floor/vendor/zxing-wasm/zxing_reader.wasm', '/floor/cjk.ttc']; \
bad = [(p, r.status_code) for p in paths if (r := httpx.get(f'https://127.0.0.1:{sys.argv[2]}{p}', verify=ctx)).status_code != 200]; \
assert not bad, bad" \
        "$WORK/data/SNApp/tls/snapp-cert.pem" "$PORT" || fail "the bundle's API or floor client did not answer over HTTPS"
fi
kill "$SERVER"; wait "$SERVER" || true
grep -q "certificate fingerprint (SHA-256): " "$WORK/serve.log" || fail "snapp serve printed no fingerprint: $(cat "$WORK/serve.log")"
grep -q "SNApp is listening at " "$WORK/serve.log" || fail "snapp serve did not start: $(cat "$WORK/serve.log")"

step "desktop app: first window offscreen, then it ends by itself"
timed "start to first window shown and closed" frozen SNAPP_SMOKE_QUIT_MS=0 "$APP" || fail "the desktop app did not start and end cleanly"
grep -q "SNApp $VERSION started on sqlite" "$WORK/state/SNApp/log/snapp.log" || fail "the desktop app logged no start"
step "passed"
