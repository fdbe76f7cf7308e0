"""Read and fill Qt Linguist catalogues (``.ts``) from the command line, without Qt Linguist.

    .venv/bin/python scripts/ts_tool.py unfinished resources/i18n/leaddesk_es.ts [CONTEXT ...] > todo.json
    .venv/bin/python scripts/ts_tool.py fill resources/i18n/leaddesk_es.ts done.json
    .venv/bin/python scripts/ts_tool.py dump resources/i18n/leaddesk_es.ts > all.json

The JSON maps a context to its messages: ``{"Context": {"source": "traducción"}}``; a message with
``%n`` takes a list of forms (Spanish and English: singular, plural). A source with a disambiguating
comment is written ``"source\\u0000comment"``. After ``fill``, run ``scripts/update_translations.py``
to tidy the file and build the ``.qm``.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

Translations = dict[str, dict[str, str | list[str]]]


def key(message: ET.Element) -> str:
    source = message.findtext("source") or ""
    comment = message.findtext("comment")
    return f"{source}\0{comment}" if comment else source


def read(ts: Path, *, finished: bool) -> Translations:
    found: Translations = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"obsolete", "vanished"}:
                continue
            done = translation.get("type") != "unfinished"
            if done != finished:
                continue
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                found.setdefault(name, {})[key(message)] = forms if finished else [""] * max(2, len(forms))
            else:
                found.setdefault(name, {})[key(message)] = (translation.text or "") if finished else ""
    return found


def fill(ts: Path, translations: Translations) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        wanted = translations.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            value = wanted.get(key(message))
            translation = message.find("translation")
            if value is None or translation is None or value in ("", []):
                continue
            if isinstance(value, list):
                for form in list(translation):
                    translation.remove(form)
                for text in value:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = value
            translation.attrib.pop("type", None)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return filled


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in {"unfinished", "fill", "dump"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, ts = argv[0], Path(argv[1])
    if command == "fill":
        count = fill(ts, json.loads(Path(argv[2]).read_text(encoding="utf-8")))
        print(f"{count} messages filled", file=sys.stderr)
        return 0
    found = read(ts, finished=command == "dump")
    if command == "unfinished" and argv[2:]:
        found = {name: messages for name, messages in found.items() if name in argv[2:]}
    json.dump(found, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
