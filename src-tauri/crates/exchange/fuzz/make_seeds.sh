#!/usr/bin/env bash
# The fuzz corpus's seeds from the repository's real tables: each file behind the byte that
# picks its reader (0 .docx, 1 .xlsx, 4 .html, 5 text). Run from this folder.
set -euo pipefail
root=../../../..
mkdir -p seeds
i=0
add() { printf "\\x$(printf %02x "$1")" > "seeds/$i"; cat "$2" >> "seeds/$i"; i=$((i + 1)); }
for f in "$root"/tests/fixtures/docx/*.docx; do add 0 "$f"; done
for f in "$root"/tests/fixtures/seeds/*.txt "$root"/tests/fixtures/external/*.txt; do add 5 "$f"; done
printf '<table><tr><td>№</td><td>Мероприятие</td><td>Срок</td></tr><tr><td rowspan="2">1</td><td>Семинар</td><td>март 2023</td></tr><tr><td colspan="2">Совещание до 10.04.2023</td></tr></table>' > seeds/html.tmp
add 4 seeds/html.tmp && rm seeds/html.tmp
if [ -n "${XLSX:-}" ]; then add 1 "$XLSX"; fi
echo "$i seeds"
