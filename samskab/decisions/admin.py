"""The secretariat's overview of its network's consultations, read-only.

Consultations are written on the site, through the services, which freeze the electorate,
keep every change of a ballot and check each phase; so nothing here writes. Ballots are
not in the admin at all: no count is visible before the results are published, not even to
staff, and after that the consultation's own page shows them.
"""

from django.contrib import admin

from samskab.networks.admin_mixins import SecretariatAdminMixin

from .models import Consultation, Option, Proposal, Voter


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_view_permission(self, request, obj=None):
        # the consultation's admin has already checked the staff member's network
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OptionInline(ReadOnlyInline):
    model = Option
    fields = ["position", "title", "description", "theme_group"]


class ProposalInline(ReadOnlyInline):
    model = Proposal
    fields = ["title", "organisation", "author", "status", "created_at"]


class VoterInline(ReadOnlyInline):
    model = Voter
    fields = ["organisation"]


@admin.register(Consultation)
class ConsultationAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    object_perm = "decisions.run_consultation"
    list_display = ["title", "network", "status", "method", "voting_opens_at", "voting_closes_at"]
    list_filter = ["status", "method"]
    search_fields = ["title", "slug", "question"]
    date_hierarchy = "voting_closes_at"
    readonly_fields = [f.name for f in Consultation._meta.fields]
    inlines = [OptionInline, ProposalInline, VoterInline]

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(network_id__in=network_ids)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("network")

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False if obj is not None else super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # A consultation carries the municipalities' ballots; only superusers delete.
        return request.user.is_superuser
