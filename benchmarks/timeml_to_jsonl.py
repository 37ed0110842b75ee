#!/usr/bin/env python3
"""Turn TimeML files (TempEval-3's .tml) into the gold JSON Lines that the project brief's
`score.py timex` reads, so the dates can be scored on news they were never tuned on:

    python benchmarks/timeml_to_jsonl.py te3-platinum/*.tml > /tmp/te3-platinum.jsonl
    python score.py timex /tmp/te3-platinum.jsonl --cmd "newsreader extract"

Each line holds the document's id, its creation date (the DCT), the text of its TEXT element
and every TIMEX3 in it, with offsets into that text. The TempEval-3 platinum test set (20
articles of March 2013, CC BY 3.0) is one such collection; no annotated text is kept here.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def _document(path: Path) -> dict[str, object]:
    root = ElementTree.parse(path).getroot()
    creation = root.find("DCT/TIMEX3")
    text_element = root.find("TEXT")
    if creation is None or text_element is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    parts: list[str] = []
    timexes: list[dict[str, object]] = []

    def walk(element: ElementTree.Element) -> None:
        parts.append(element.text or "")
        for child in element:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, parts))
                timexes.append(
                    {
                        "start": start,
                        "end": end,
                        "text": "".join(parts)[start:end],
                        "type": child.get("type"),
                        "value": child.get("value"),
                        "tid": child.get("tid"),
                    }
                )
            parts.append(child.tail or "")

    walk(text_element)
    text = "".join(parts)
    lead = len(text) - len(text.lstrip())
    for timex in timexes:
        timex["start"] = int(str(timex["start"])) - lead
        timex["end"] = int(str(timex["end"])) - lead
    dct = (creation.get("value") or "")[:10]
    return {
        "id": root.findtext("DOCID") or path.stem,
        "dct": dct,
        "dct_value": creation.get("value"),
        "text": text.strip(),
        "timexes": timexes,
    }


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        print(json.dumps(_document(Path(name)), ensure_ascii=False))


if __name__ == "__main__":
    main()
