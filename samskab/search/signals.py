from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Equivalent


@receiver([post_save, post_delete], sender=Equivalent)
def forget_equivalents(**kwargs):
    from .engine import forget_equivalents as forget

    forget()
