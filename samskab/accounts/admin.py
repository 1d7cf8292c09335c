from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samskab.networks.admin import RoleAuditMixin, RoleInline
from samskab.networks.admin_mixins import SecretariatAdminMixin

from . import services
from .models import Person, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["name", "language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = []
    list_filter = ["is_staff", "is_superuser", "is_active"]


@admin.register(Person)
class PersonAdmin(RoleAuditMixin, SecretariatAdminMixin, admin.ModelAdmin):
    object_perm = "accounts.change_person"
    list_display = ["name", "title", "organisation", "public_consent", "user"]
    list_filter = ["public_consent", "roles__network", "roles__kind"]
    search_fields = ["name", "email", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]
    readonly_fields = [
        "consent_changed_at",
        "consent_changed_by",
        "requested_organisation",
        "requested_at",
        "erased_at",
    ]
    inlines = [RoleInline]
    actions = ["erase_people"]

    def save_model(self, request, obj, form, change):
        if "public_consent" in form.changed_data:
            # Consent the secretariat records for the person: who and when.
            obj.consent_changed_at = timezone.now()
            obj.consent_changed_by = request.user
        super().save_model(request, obj, form, change)

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(
            Q(roles__network_id__in=network_ids)
            | Q(organisation__memberships__network_id__in=network_ids)
            | Q(roles__isnull=True, organisation__isnull=True)
        ).distinct()

    @admin.action(description=_("Erase the selected people's personal data"))
    def erase_people(self, request, queryset):
        count = 0
        for person in queryset:
            if request.user.has_perm("accounts.change_person", person):
                services.person_erase(actor=request.user, person=person)
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d person erased.", "%(count)d people erased.", count)
            % {"count": count},
            messages.SUCCESS,
        )
