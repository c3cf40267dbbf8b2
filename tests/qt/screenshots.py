"""Where the screen tests write their screenshots.

Into the test's tmp_path by default, so that running the suite leaves the work tree
clean; into docs/ (which README and the docs link) only when asked:
`ANNOTATOR_UPDATE_SCREENSHOTS=1 pytest tests/qt`.
"""

from __future__ import annotations

import os
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def screenshot_path(name: str, tmp_path: Path) -> Path:
    if os.environ.get("ANNOTATOR_UPDATE_SCREENSHOTS") == "1":
        return DOCS / name
    return tmp_path / name
