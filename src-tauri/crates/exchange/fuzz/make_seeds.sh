#!/usr/bin/env bash
# The fuzz corpus's seeds from the repository's real tables: each file behind the byte that
# picks its reader (0 .docx, 1 .xlsx, 2 .ods, 3 .xls, 4 .html, 5 text, 6 .json bundle). Run from
# this folder; the .ods and .xls are the .xlsx converted by LibreOffice Calc (soffice; skipped
# where only Writer is installed, as on CI), the bundle is the demo's, made by the console
# program (KOORDINATOR_CLI, else target/debug/koordinator-cli).
set -euo pipefail
root=../../../..
mkdir -p seeds
i=0
add() { printf "\\x$(printf %02x "$1")" > "seeds/$i"; cat "$2" >> "seeds/$i"; i=$((i + 1)); }
for f in "$root"/tests/fixtures/docx/*.docx; do add 0 "$f"; done
for f in "$root"/tests/fixtures/seeds/*.txt "$root"/tests/fixtures/external/*.txt; do add 5 "$f"; done
printf '<table><tr><td>№</td><td>Мероприятие</td><td>Срок</td></tr><tr><td rowspan="2">1</td><td>Семинар</td><td>март 2023</td></tr><tr><td colspan="2">Совещание до 10.04.2023</td></tr></table>' > seeds/html.tmp
add 4 seeds/html.tmp && rm seeds/html.tmp
xlsx="${XLSX:-$root/tests/fixtures/sheets/plans.xlsx}"
add 1 "$xlsx"
tmp=$(mktemp -d)
if command -v soffice >/dev/null; then
  for ext in ods xls; do
    soffice --headless --convert-to "$ext" --outdir "$tmp" "$xlsx" >/dev/null 2>&1 || true
  done
  [ -f "$tmp/plans.ods" ] && add 2 "$tmp/plans.ods"
  [ -f "$tmp/plans.xls" ] && add 3 "$tmp/plans.xls"
fi
cli="${KOORDINATOR_CLI:-$root/target/debug/koordinator-cli}"
if [ -x "$cli" ]; then
  "$cli" --db "$tmp/demo.sqlite3" demo >/dev/null
  "$cli" --db "$tmp/demo.sqlite3" bundle --plan 1 --out "$tmp/plan.json" >/dev/null
  add 6 "$tmp/plan.json"
fi
rm -rf "$tmp"
echo "$i seeds"
