"""Keeping the index current, through the Django tasks API."""

from django.apps import apps
from django.db import transaction
from django_tasks import task

from . import indexer, registry


@task()
def index_object(*, model: str, pk: str) -> bool:
    """(Re-)index one object of a registered model; an object that is gone is removed."""
    model_class = apps.get_model(model)
    adapter = registry.adapter_for_model(model_class)
    if adapter is None:
        return False
    with transaction.atomic():
        # Read the object under the index's write lock: no other writer (a rebuild, another
        # worker) can then write an older version of it after this one.
        indexer.write_lock()
        obj = adapter.queryset().filter(pk=pk).first()
        if obj is None:
            indexer.remove_document(adapter.doc_type, pk)
            return False
        return indexer.index_object(obj) is not None


@task()
def remove_object(*, doc_type: str, object_id: str) -> bool:
    return indexer.remove_document(doc_type, object_id)
