"""The whole OpenEventData GSR imported: its links and CAMEO codes counted in the project
and, independently, straight from the JSON; the two must agree.

    PYTHONPATH=src .venv/bin/python benchmarks/check_gsr_links.py [CORPUS_FOLDER]

The folder defaults to /work/shared/corpora/openeventdata-arabic-event-gsr. The count
from the JSON follows the importer's documented rules with code of its own (no
annotator import): a mention is found token by token with ``str.find``, its head is its
first run of tokens separated by whitespace only; an event links its verb's head to
each actor's head, each distinct (event, argument, role) once; an actor's codes are
"main" (country) and "role" (cameo_role), absent when "None", "UNKNOWN" or empty,
several different codes of one span joined by "/". It prints the raw figures too:
events listed, events with both a verb and the actor, codes given.
Exit status 1 when a figure differs.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path("/work/shared/corpora/openeventdata-arabic-event-gsr")
FILES = ("assault_spans.json", "protest_spans.json")
TYPES = {"ASSAULT": "attack", "PROTEST": "protest"}
NO_CODE = {"", "None", "UNKNOWN"}


def head(text: str, tokens: list[str]) -> tuple[int, int] | None:
    """The first run of the tokens found in order; None without tokens."""
    position, first = 0, None
    for token in tokens:
        found = text.find(token, position)
        if found < 0:
            raise SystemExit(f"token {token!r} not in {text[:40]!r}...: reported, not guessed")
        if first is None:
            first = [found, found + len(token)]
        elif first[1] == position and not text[position:found].strip():
            first[1] = found + len(token)
        position = found + len(token)
    return (first[0], first[1]) if first else None


def from_json(folder: Path) -> tuple[Counter[str], Counter[str]]:
    figures: Counter[str] = Counter()
    raw: Counter[str] = Counter()
    for name in FILES:
        for sentence in json.loads((folder / name).read_text(encoding="utf-8")):
            text = sentence["text"]
            links = set()
            codes: dict[tuple[tuple[int, int], str], list[str]] = {}
            typed = set()
            for event in sentence["spans"]:
                raw["events listed"] += 1
                verb = head(text, event.get("verb") or [])
                if verb is not None:
                    typed.add(verb)
                for actor, roles, role in (
                    ("source_actor", "source_role", "agent"),
                    ("target_actor", "target_role", "target"),
                ):
                    place = head(text, event.get(actor) or [])
                    if place is None:
                        continue
                    if verb is not None:
                        raw[f"events with a verb and a {actor}"] += 1
                        links.add((verb, place, role))
                    given = event.get(roles)
                    if not isinstance(given, dict):
                        continue
                    for field, key in (("main", "country"), ("role", "cameo_role")):
                        code = given.get(field)
                        if isinstance(code, str) and code.strip() not in NO_CODE:
                            raw[f"{key} codes given"] += 1
                            kept = codes.setdefault((place, key), [])
                            if code.strip() not in kept:
                                kept.append(code.strip())
            for _, _, role in links:
                figures[f"links {role}"] += 1
            for (_, key), values in codes.items():
                figures[f"spans with {key}"] += 1
                figures[f"spans with several {key} codes"] += len(values) > 1
            figures[f"events typed {TYPES[sentence['event_type']]}"] += len(typed)
    return figures, raw


def from_project(folder: Path) -> Counter[str]:
    from annotator.io.importing import import_paths
    from annotator.storage import Project

    project = Project.in_memory()
    import_paths(project, [folder / name for name in FILES], fmt="openeventdata")
    figures: Counter[str] = Counter()
    for document, spans in project.iter_documents():
        for link in project.links_of_document(document.id):
            figures[f"links {link.role}"] += 1
        for span in spans:
            for key, value in span.attributes:
                if key == "type":
                    figures[f"events typed {value}"] += 1
                else:
                    figures[f"spans with {key}"] += 1
                    figures[f"spans with several {key} codes"] += "/" in str(value)
    figures["documents"] = project.document_count()
    return figures


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    expected, raw = from_json(folder)
    found = from_project(folder)
    print(f"{folder}: {found.pop('documents')} sentences imported")
    for name, count in sorted(raw.items()):
        print(f"  json, raw: {name:<40} {count:>6}")
    differs = 0
    for name in sorted(set(expected) | set(found)):
        same = expected[name] == found[name]
        differs += not same
        print(
            f"  {name:<40} json {expected[name]:>6}  project {found[name]:>6}"
            f"  {'ok' if same else 'DIFFERS'}"
        )
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
