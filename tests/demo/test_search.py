import io

from samskab.demo import search as demo
from samskab.search import indexer
from samskab.search.models import SearchDocument
from samskab.search.registry import Document


def test_demo_loader_rebuilds_the_index(db):
    indexer.index_document(Document(doc_type="testcase", object_id="1", title="Kanel", url="/k/"))
    assert SearchDocument.objects.count() == 1
    out = io.StringIO()
    assert demo.load(stdout=out) == 0  # no registered objects in the database: emptied
    assert "0 documents" in out.getvalue()
    assert SearchDocument.objects.count() == 0
