import datetime
import json
from pathlib import Path

import pytest

from samskab.search import indexer
from samskab.search.registry import Document

HERE = Path(__file__).parent
CORPUS = json.loads((HERE / "corpus.json").read_text(encoding="utf-8"))
RELEVANCE = json.loads((HERE / "relevance.json").read_text(encoding="utf-8"))
TOPIC_LABELS = {
    "mental-sundhed": "Mental sundhed",
    "mental-sunnhet": "Psykisk helse",
    "fysisk-aktivitet": "Fysisk aktivitet",
    "tobak": "Tobak",
    "tobakk": "Tobakk",
    "mad-og-maaltider": "Mad og måltider",
    "overvaegt": "Overvægt",
    "overvekt": "Overvekt",
    "alkohol": "Alkohol",
    "solbeskyttelse": "Solbeskyttelse",
    "hygiejne": "Hygiejne",
    "indeklima-i-skoler": "Indeklima i skoler",
    "stoffer": "Stoffer",
    "seksuel-sundhed": "Seksuel sundhed",
}


def corpus_document(item, networks) -> Document:
    own = networks[item["net"]]
    shared = [n.pk for key, n in networks.items() if key != item["net"]]
    if item.get("private"):
        shared = []
    return Document(
        doc_type="testcase",
        object_id=item["id"],
        title=item["title"],
        url=f"/da/cases/{item['id']}/",
        language=item["lang"],
        network_id=own.pk,
        shared_network_ids=shared,
        summary=item["summary"],
        topics=[TOPIC_LABELS.get(t, t) for t in item["topics"]],
        body=item["body"],
        date=datetime.date(item["year"], 6, 1),
        facets={
            "topic": [(t, TOPIC_LABELS.get(t, t)) for t in item["topics"]],
            "municipality": [item["muni"]],
            "year": [str(item["year"])],
            "budget": [item["budget"]],
            "evaluated": [item["evaluated"]],
            "network": [(own.slug, own.name)],
        },
    )


@pytest.fixture
def corpus(dk_network, no_network):
    networks = {"dk": dk_network, "no": no_network}
    for item in CORPUS:
        indexer.index_document(corpus_document(item, networks))
    return networks
