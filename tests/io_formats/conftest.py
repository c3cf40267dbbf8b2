import pytest
from sample_project import sample_project

from annotator.storage import Project


@pytest.fixture
def project() -> Project:
    return sample_project()
