"""The one way a view fetches its object and checks a permission.

``@guard("cases.change_case", get=case_of_network, message=_("..."))`` on a function view:

1. ``get(request, slug)`` fetches the object *within the current network* from the URL
   arguments it names (it raises ``Http404`` when there is none, or ``Moved`` to send the
   reader permanently to the object's current address); those arguments are not passed on;
   without ``get`` the object is the request's network (404 when no network is configured);
2. the named rule is checked with ``request.user.has_perm(perm, obj)``, or on ``on(obj)``
   when the rule is about another object than the one fetched (a group's resource is
   fetched, ``groups.manage_resources`` is about its group: ``on=lambda r: r.group``);
3. an anonymous visitor who may not is sent to the log-in page (and back afterwards), a
   logged-in user gets 403 with ``message``, or 404 when ``hidden`` (objects whose existence
   is itself private: drafts, closed events); with ``login=False`` an anonymous visitor gets
   the same 403/404 as everyone else (for pages where logging in is not what is missing, or
   that answered so before);
4. the view is called as ``view(request, obj, **remaining_kwargs)``.

The service the view calls checks the same rule again with the actor, so no other caller
(admin, API, a management command) can skip it. The rule name is recorded on the view
(``view.guarded_by``), so tests can see which rule guards which URL.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import gettext as _


class Moved(Exception):  # noqa: N818 - a signal, not an error
    """Raised by an object getter when the object lives at another address now."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


def current_network(request):
    network = getattr(request, "network", None)
    if network is None:
        raise Http404(_("No network is configured for this address."))
    return network


def guard(
    perm: str | None,
    *,
    get: Callable | None = None,
    message: str | None = None,
    hidden: bool = False,
    login: bool = True,
    on: Callable | None = None,
    signed_in: bool = False,
):
    """Fetch the view's object within the current network and check ``perm`` on it.

    ``perm=None`` only fetches (for public objects every reader may see).
    ``signed_in=True``: an anonymous visitor is sent to the login page first (for pages of
    one's own, and for actions whose rule a reader without an account would pass).
    """
    getter = get or current_network
    consumed = [name for name in inspect.signature(getter).parameters if name != "request"]

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if signed_in and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                obj = getter(request, **{name: kwargs.pop(name) for name in consumed})
            except Moved as moved:
                url = moved.url
                if request.GET:
                    url += "?" + request.GET.urlencode()
                return HttpResponsePermanentRedirect(url)
            target = obj if on is None else on(obj)
            if perm is not None and not request.user.has_perm(perm, target):
                if login and not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if hidden:
                    raise Http404
                raise PermissionDenied(message or _("You may not do this."))
            return view(request, obj, *args, **kwargs)

        wrapper.guarded_by = perm
        return wrapper

    return decorator


class Operator:
    """Whoever runs a management command on the server (``import_cases``, ``load_demo``): the
    operator, trusted with every rule. Only management commands pass :data:`OPERATOR`;
    nothing that answers a request can reach it. It is never stored as a person: services
    record :func:`person` of their actor."""

    is_authenticated = True
    is_active = True
    pk = None

    def has_perm(self, perm, obj=None) -> bool:
        return True

    def __repr__(self) -> str:
        return "OPERATOR"


OPERATOR = Operator()


def person(actor):
    """The user to record as having acted: ``None`` for the operator."""
    return None if isinstance(actor, Operator) else actor


def require(actor, perm: str, obj=None, message: str | None = None) -> None:
    """The service side of the guard: raise ``PermissionDenied`` unless ``actor`` may ``perm``
    on ``obj``. Every service that changes data calls it (or verifies a signed token it made
    itself) before it validates or saves anything; ``actor=None`` never passes."""
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(message or _("You may not do this."))
