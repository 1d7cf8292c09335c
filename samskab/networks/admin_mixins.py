"""The admin mixin every app's secretariat admin uses: access by the networks one runs."""

from .predicates import staff_network_ids


class SecretariatAdminMixin:
    """Admin access for secretariat staff, limited to the networks they run.

    Superusers see everything. Staff see the rows ``scope_queryset`` keeps for their
    networks, and object permissions come from django-rules through ``object_perm``.
    """

    object_perm: str | None = None

    def _staff_networks(self, request) -> set[int]:
        return staff_network_ids(request.user)

    def _is_secretariat(self, request) -> bool:
        return request.user.is_active and (
            request.user.is_superuser or bool(self._staff_networks(request))
        )

    def scope_queryset(self, request, queryset, network_ids):
        return queryset

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scope_queryset(request, queryset, self._staff_networks(request))

    def has_module_permission(self, request):
        return self._is_secretariat(request)

    def has_view_permission(self, request, obj=None):
        return self._has_object_perm(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._has_object_perm(request, obj)

    def has_add_permission(self, request, *args):
        return self._is_secretariat(request)

    def has_delete_permission(self, request, obj=None):
        return self._has_object_perm(request, obj)

    def _has_object_perm(self, request, obj):
        if not self._is_secretariat(request):
            return False
        if obj is None or request.user.is_superuser or not self.object_perm:
            return True
        return request.user.has_perm(self.object_perm, obj)
