import pytest

from samskab.audit.models import AuditEntry


@pytest.fixture
def entries():
    """The entries recorded, oldest first, as (action, before, after)."""

    def read(**filters):
        return [
            (e.action, e.changes.get("before", {}), e.changes.get("after", {}))
            for e in AuditEntry.objects.filter(**filters).order_by("pk")
        ]

    return read
