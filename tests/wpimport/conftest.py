import pytest

from samskab.core.guards import OPERATOR
from samskab.wpimport.services import site_import

from .wxr_fixture import build, uploads


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "sundby.WordPress.2026-11-30.xml"
    path.write_bytes(build())
    return path


@pytest.fixture
def upload_dir(tmp_path):
    root = tmp_path / "uploads"
    uploads(root)
    return root


@pytest.fixture
def run_import(dk_network, export, upload_dir, django_capture_on_commit_callbacks):
    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return site_import(
                actor=OPERATOR,
                network=kwargs.pop("network", dk_network),
                path=kwargs.pop("path", export),
                uploads=kwargs.pop("uploads", upload_dir),
                **kwargs,
            )

    return run
