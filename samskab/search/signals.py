from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samskab.core.tasks import enqueue_on_commit

from .models import Equivalent
from .registry import object_changed, object_removed
from .tasks import index_object, remove_object


@receiver(object_changed)
def reindex_changed(sender, pk, **kwargs):
    """Re-index a saved object of a registered model once its transaction commits."""
    enqueue_on_commit(index_object, model=sender._meta.label_lower, pk=pk)


@receiver(object_removed)
def remove_deleted(sender, doc_type, object_id, **kwargs):
    enqueue_on_commit(remove_object, doc_type=doc_type, object_id=object_id)


@receiver([post_save, post_delete], sender=Equivalent)
def forget_equivalents(**kwargs):
    from .engine import forget_equivalents as forget

    forget()
