import pytest
from django.core.files.storage import default_storage  # noqa: F401

from .factories import CaseFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Materials go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def case(dk_network, member_org):
    return CaseFactory(network=dk_network, organisation=member_org)


@pytest.fixture
def draft(dk_network, member_org, org_editor):
    return CaseFactory(
        network=dk_network,
        organisation=member_org,
        status="draft",
        published_at=None,
        created_by=org_editor,
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture(autouse=True)
def _taxonomy(db):
    """The topics and types come from a data migration; a transactional test elsewhere may
    have flushed them."""
    from samskab.cases.models import InterventionType, Topic
    from samskab.cases.taxonomy import seed

    seed(Topic, InterventionType)
