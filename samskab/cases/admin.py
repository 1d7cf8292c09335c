from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from samskab.networks.admin_mixins import SecretariatAdminMixin

from .models import Case, Comment, InterventionType, Topic


@admin.register(Topic)
class TopicAdmin(SecretariatAdminMixin, TranslationAdmin):
    """Staff add topics (other networks use other taxonomies) and translate labels."""

    list_display = ["label", "slug", "order"]
    prepopulated_fields = {"slug": ["label"]}
    ordering = ["order", "slug"]

    def has_delete_permission(self, request, obj=None):
        # A topic in use would vanish from published cases; only superusers delete.
        return request.user.is_superuser


@admin.register(InterventionType)
class InterventionTypeAdmin(SecretariatAdminMixin, TranslationAdmin):
    list_display = ["label", "slug", "order"]
    prepopulated_fields = {"slug": ["label"]}
    ordering = ["order", "slug"]

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Case)
class CaseAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    """Read-mostly overview; cases are written through the site so every change is a
    revision."""

    object_perm = "cases.moderate_case"
    list_display = [
        "title",
        "organisation",
        "network",
        "status",
        "shared",
        "published_at",
        "view_count",
    ]
    list_filter = ["status", "network", "shared", "evaluation", "topics"]
    search_fields = ["title", "slug", "organisation__name"]
    readonly_fields = [f.name for f in Case._meta.fields] + ["topics", "prevention_types"]

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(network_id__in=network_ids)

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False if obj is not None else super().has_change_permission(request, obj)


@admin.register(Comment)
class CommentAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    object_perm = "cases.moderate_comment"
    list_display = ["__str__", "case", "author", "created_at", "hidden_at", "deleted_at"]
    list_filter = ["hidden_at"]
    readonly_fields = [
        "case",
        "author",
        "parent",
        "text",
        "created_at",
        "edited_at",
        "deleted_at",
        "hidden_at",
        "hidden_by",
    ]

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(case__network_id__in=network_ids)

    def has_add_permission(self, request, *args):
        return False
