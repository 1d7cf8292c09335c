from modeltranslation.translator import TranslationOptions, register

from .models import InterventionType, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(InterventionType)
class InterventionTypeTranslationOptions(TranslationOptions):
    fields = ("label",)
