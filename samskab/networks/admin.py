from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from . import services
from .admin_mixins import SecretariatAdminMixin
from .models import Membership, Network, Organisation, Role


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class RoleAuditMixin:
    """Roles given, changed and taken away in the admin go to the audit trail (the admin
    saves in one transaction, so the entry goes with the change)."""

    def save_formset(self, request, form, formset, change):
        if formset.model is not Role:
            return super().save_formset(request, form, formset, change)
        before = {f.instance.pk: services.role_state(f.instance) for f in formset.initial_forms}
        doomed = [f.instance for f in formset.deleted_forms if f.instance.pk in before]
        for role in doomed:
            services.role_deleted_record(actor=request.user, role=role, before=before[role.pk])
        result = super().save_formset(request, form, formset, change)
        for role in formset.new_objects:
            services.role_saved_record(actor=request.user, role=role, before={})
        for role, _fields in formset.changed_objects:
            services.role_saved_record(actor=request.user, role=role, before=before[role.pk])
        return result

    def save_model(self, request, obj, form, change):
        if not isinstance(obj, Role):
            return super().save_model(request, obj, form, change)
        before = services.role_state(obj) if change else {}
        super().save_model(request, obj, form, change)
        services.role_saved_record(actor=request.user, role=obj, before=before)

    def delete_model(self, request, obj):
        if isinstance(obj, Role):
            services.role_deleted_record(
                actor=request.user, role=obj, before=services.role_state(obj)
            )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if queryset.model is Role:
            for role in queryset.select_related("network", "person", "organisation"):
                services.role_deleted_record(
                    actor=request.user, role=role, before=services.role_state(role)
                )
        super().delete_queryset(request, queryset)


@admin.register(Network)
class NetworkAdmin(SecretariatAdminMixin, TranslationAdmin):
    object_perm = "networks.manage_network"
    list_display = ["name", "slug", "country", "default_language", "time_zone"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "tagline", "description"]}),
        (
            _("Place and language"),
            {"fields": ["country", "default_language", "time_zone", "hosts", "brand_colour"]},
        ),
        (_("Contact"), {"fields": ["contact_email", "contact_phone", "address", "website"]}),
    ]

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(id__in=network_ids)

    def has_add_permission(self, request, *args):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Organisation)
class OrganisationAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    object_perm = "networks.change_organisation"
    list_display = ["name", "kind", "code", "country", "region"]
    list_filter = ["kind", "country", "memberships__network"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["region"]
    inlines = [MembershipInline]
    readonly_fields = ["slug"]

    def scope_queryset(self, request, queryset, network_ids):
        # Staff see their members and every non-member organisation of their countries
        # (so they can add a new member), never another network's private edits.
        countries = Network.objects.filter(id__in=network_ids).values_list("country", flat=True)
        return queryset.filter(
            Q(memberships__network_id__in=network_ids) | Q(country__in=countries)
        ).distinct()

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    list_display = ["organisation", "network", "since", "until"]
    list_filter = ["network"]
    search_fields = ["organisation__name", "organisation__code"]
    autocomplete_fields = ["organisation"]
    date_hierarchy = "since"

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(network_id__in=network_ids)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "network" and not request.user.is_superuser:
            kwargs["queryset"] = Network.objects.filter(id__in=self._staff_networks(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Role)
class RoleAdmin(RoleAuditMixin, SecretariatAdminMixin, admin.ModelAdmin):
    list_display = ["person", "kind", "organisation", "network", "until"]
    list_filter = ["network", "kind"]
    search_fields = ["person__name", "organisation__name"]
    autocomplete_fields = ["person", "organisation"]

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(network_id__in=network_ids)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "network" and not request.user.is_superuser:
            kwargs["queryset"] = Network.objects.filter(id__in=self._staff_networks(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
