from modeltranslation.translator import TranslationOptions, register

from .models import Network


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("tagline", "description")
