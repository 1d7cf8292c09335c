from django.contrib import admin

from .models import Equivalent


@admin.register(Equivalent)
class EquivalentAdmin(admin.ModelAdmin):
    list_display = ["words", "note", "updated_at"]
    search_fields = ["words", "note"]
