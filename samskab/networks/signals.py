from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .middleware import CACHE_KEY
from .models import Network


@receiver([post_save, post_delete], sender=Network)
def forget_host_map(**kwargs):
    cache.delete(CACHE_KEY)
