import pytest

from annotator.assets import seed_files


@pytest.fixture(scope="session")
def seed_text() -> str:
    (seed,) = [f for f in seed_files() if f.name.startswith("000_")]
    return seed.read_text(encoding="utf-8")
