#!/usr/bin/env python3
"""Adds or updates texts in the three resource files of the staff app (en, nl, fr).

    tools/texts.py add KEY "English" "Nederlands" "Français"
    tools/texts.py add-file FILE      # lines: KEY<TAB>en<TAB>nl<TAB>fr
    tools/texts.py check              # every key present in all three files

Keys are kept sorted so parallel changes rarely touch the same lines.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "PlanManager.Web" / "Resources"
FILES = {"en": "SharedResource.resx", "nl": "SharedResource.nl.resx", "fr": "SharedResource.fr.resx"}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def load(lang):
    path = ROOT / FILES[lang]
    if not path.exists():
        return {}
    tree = ET.parse(path)
    return {d.get("name"): (d.findtext("value") or "") for d in tree.getroot().findall("data")}


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(lang, texts):
    ROOT.mkdir(parents=True, exist_ok=True)
    out = [HEADER]
    for key in sorted(texts, key=str.lower):
        out.append(f'  <data name="{esc(key)}" xml:space="preserve">\n    <value>{esc(texts[key])}</value>\n  </data>\n')
    out.append("</root>\n")
    (ROOT / FILES[lang]).write_text("".join(out), encoding="utf-8")


def add(rows):
    tables = {lang: load(lang) for lang in FILES}
    for key, en, nl, fr in rows:
        tables["en"][key], tables["nl"][key], tables["fr"][key] = en, nl, fr
    for lang, texts in tables.items():
        save(lang, texts)


def check():
    tables = {lang: load(lang) for lang in FILES}
    keys = set().union(*tables.values())
    missing = [(lang, k) for k in sorted(keys) for lang in FILES if not tables[lang].get(k)]
    for lang, k in missing:
        print(f"missing {lang}: {k}")
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "add" and len(sys.argv) == 6:
        add([tuple(sys.argv[2:6])])
    elif len(sys.argv) == 3 and sys.argv[1] == "add-file":
        rows = []
        for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) != 4:
                    sys.exit(f"need 4 tab-separated columns: {line!r}")
                rows.append(tuple(parts))
        add(rows)
    elif len(sys.argv) == 2 and sys.argv[1] == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
