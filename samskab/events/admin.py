from django.contrib import admin

from .models import AgendaItem, Event, Question, Registration


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "starts_at", "format", "audience", "capacity"]
    list_filter = ["network", "kind", "format", "audience"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["created_by", "theme_group"]
    inlines = [AgendaItemInline, QuestionInline]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "status", "code", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "code"]
    raw_id_fields = ["event", "user", "registered_by"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
