from django.contrib import admin

from samskab.networks.admin_mixins import SecretariatAdminMixin

from .models import GroupAlias, GroupMembership, ThemeGroup


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "accepted_at"]


class GroupAliasInline(admin.TabularInline):
    model = GroupAlias
    extra = 0
    readonly_fields = ["slug", "name", "created_at"]
    exclude = ["network"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ThemeGroup)
class ThemeGroupAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    """For the secretariat's overview. Groups are created, renamed and run on their own
    pages (which keep old links working); here the name and address cannot change."""

    object_perm = "groups.change_group"
    list_display = ["name", "network", "join_policy", "updated_at"]
    list_filter = ["network", "join_policy"]
    search_fields = ["name", "slug"]
    inlines = [GroupMembershipInline, GroupAliasInline]

    def get_readonly_fields(self, request, obj=None):
        return ["name", "slug", "network"] if obj is not None else []

    def has_add_permission(self, request, *args):
        return False

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(network_id__in=network_ids)
