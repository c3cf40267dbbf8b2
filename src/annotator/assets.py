"""Files shipped inside the package (fonts come from their own dependency)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

# Names the desktop entry, the AppStream metainfo and the installed icon (packaging/linux);
# Qt's QGuiApplication.setDesktopFileName(APP_ID) ties the window to them on Wayland.
APP_ID = "org.annotator_project.Annotator"

# The PNG sizes rendered from resources/icons/annotator.svg (packaging/render_icons.sh).
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def resource(name: str) -> Traversable:
    return files("annotator.resources").joinpath(name)


def icon_path(size: int | None = None) -> Traversable:
    """The application icon: the SVG when size is None, otherwise the PNG of that size."""
    if size is None:
        return resource("icons/annotator.svg")
    if size not in ICON_SIZES:
        raise ValueError(f"no {size}px icon; sizes: {', '.join(map(str, ICON_SIZES))}")
    return resource(f"icons/annotator-{size}.png")


def seed_files() -> list[Traversable]:
    return sorted(
        (entry for entry in files("annotator.seeds").iterdir() if entry.name.endswith(".txt")),
        key=lambda entry: entry.name,
    )
