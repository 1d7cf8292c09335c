from modeltranslation.translator import TranslationOptions, register

from .models import SessionTrack


@register(SessionTrack)
class SessionTrackTranslationOptions(TranslationOptions):
    fields = ("topic",)
