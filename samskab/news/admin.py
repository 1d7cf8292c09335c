from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from samskab.networks.admin_mixins import SecretariatAdminMixin
from samskab.networks.models import Network

from . import services
from .models import PAGE_LANGUAGES, Page

PAGE_TEXT = [f"{f}_{code}" for code in PAGE_LANGUAGES for f in ("title", "description", "body")]


@admin.register(Page)
class PageAdmin(SecretariatAdminMixin, admin.ModelAdmin):
    """The network's static pages; saves go through the page services (the same rules and
    checks as the pages in the site)."""

    object_perm = "news.change_page"
    list_display = ["__str__", "slug", "network", "published", "menu_position", "updated_at"]
    list_filter = ["network", "published"]
    search_fields = ["slug", "title_da", "title_nb", "title_en"]
    fields = ["network", "slug", "published", "menu_position", *PAGE_TEXT]

    def get_readonly_fields(self, request, obj=None):
        return ["network"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "network" and not request.user.is_superuser:
            kwargs["queryset"] = Network.objects.filter(pk__in=self._staff_networks(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def scope_queryset(self, request, queryset, network_ids):
        return queryset.filter(network_id__in=network_ids)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data.get(name) for name in form.cleaned_data}
        data.pop("network", None)
        try:
            if change:
                fresh = Page.objects.get(pk=obj.pk)
                services.page_update(actor=request.user, page=fresh, data=data)
            else:
                saved = services.page_create(
                    actor=request.user, network=form.cleaned_data["network"], data=data
                )
                obj.pk = saved.pk
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))

    def delete_model(self, request, obj):
        services.page_delete(actor=request.user, page=obj)

    def delete_queryset(self, request, queryset):
        for page in queryset:
            services.page_delete(actor=request.user, page=page)
