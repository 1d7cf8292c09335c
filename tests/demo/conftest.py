import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Demo materials and resources go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _taxonomy(db):
    """The topics and types come from a data migration; a transactional test elsewhere may
    have flushed them."""
    from samskab.cases.models import InterventionType, Topic
    from samskab.cases.taxonomy import seed

    seed(Topic, InterventionType)
