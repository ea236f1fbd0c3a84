#!/usr/bin/env bash
# The Arabic-script web fonts in static/fonts/, cut from the full files in
# deploy/fonts/ (Fontsource's "arabic" files of Noto Naskh Arabic 2.021 and Noto Sans
# Arabic 2.012, SIL OFL: static/fonts/OFL.txt) down to what Arabic and Persian text
# needs: about 12 KB a file instead of 50 (docs/fonts.md).
#
# Run it after changing RANGE, and copy RANGE into the unicode-range of
# static/css/fonts.css (tests/thinktank/test_fonts.py checks that they agree).
# pyftsubset is fontTools', already in the venv for WeasyPrint.
set -euo pipefail

ROOT="$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)"
PYFTSUBSET="${PYFTSUBSET:-$ROOT/.venv/bin/pyftsubset}"

# Arabic punctuation; the Arabic letters, tatweel and harakat; Arabic-Indic digits and
# number signs; superscript alef, alef wasla; the Persian letters (peh, tcheh, jeh,
# keheh, gaf, heh with yeh, Farsi yeh) and digits; ZWNJ, ZWJ, LRM; the Allah ligature
# and the rial sign. The joining forms and ligatures these shape into come along
# (pyftsubset keeps every glyph GSUB reaches), without their presentation-form code
# points.
RANGE="U+060C,U+061B,U+061F,U+0621-063A,U+0640-0655,U+0660-066D,U+0670-0671,U+067E,U+0686,U+0698,U+06A9,U+06AF,U+06C0,U+06CC,U+06F0-06F9,U+200C-200E,U+FDF2,U+FDFC"

for source in "$ROOT"/deploy/fonts/noto-*.woff2; do
    # noto-naskh-arabic-arabic-400-normal.woff2 -> noto-naskh-arabic-400.woff2
    name="$(basename "$source" | sed 's/-arabic-arabic-/-arabic-/; s/-normal//')"
    "$PYFTSUBSET" "$source" --unicodes="$RANGE" --flavor=woff2 \
        --output-file="$ROOT/static/fonts/$name"
    printf '%s: %s bytes\n' "$name" "$(wc -c <"$ROOT/static/fonts/$name")"
done
