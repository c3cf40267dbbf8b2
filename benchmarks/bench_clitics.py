"""Clitic evidence: time and memory to load the shipped word list, and the cost per word.

    .venv/bin/python benchmarks/bench_clitics.py

Snapping calls ``proclitic_length`` once per key press; exports tokenize every
distinct word once (the tokenizer remembers chunks); search asks only where a
match follows a proclitic.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    from annotator.arabic.clitic_evidence import evidence

    listed = evidence()
    load = time.perf_counter() - started
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"load: {load * 1000:.0f} ms, {len(listed)} words, {current / 1e6:.1f} MB kept "
        f"({peak / 1e6:.1f} MB peak while reading)"
    )

    from annotator.arabic.tokens import proclitic_length

    text = (ROOT / "seeds").glob("*.txt")
    words = [w for path in text for w in path.read_text(encoding="utf-8").split()]
    words += ["وكوريا", "بعقوبة", "ونايفهقق", "للسلطة", "وبالفعل", "فالنسيا"] * 50
    started = time.perf_counter()
    for word in words:
        proclitic_length(word)
    per_word = (time.perf_counter() - started) / len(words)
    print(f"proclitic_length: {per_word * 1e6:.1f} µs a word over {len(words)} words")


if __name__ == "__main__":
    main()
