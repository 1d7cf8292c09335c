"""Shared pieces of the django-ninja API: pagination whose numbers have bounds, and whose
answers link to the next and previous page.

ninja's own classes accept any integer, and an offset of 10^31 overflows the database.
"""

from typing import Any

from ninja import Schema
from ninja import pagination as ninja_pagination
from ninja.conf import settings as ninja_settings

from .links import absolute
from .params import MAX_PAGE, ApiInt

MAX_LIMIT = 100  # items in one answer
MAX_OFFSET = 10_000_000


def page_link(request, **changes) -> str:
    """The absolute URL of this request with some query parameters changed (the filters
    stay as they are)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = str(value)
    return absolute(f"{request.path}?{query.urlencode()}", request=request)


class LinkedOutput(Schema):
    """A page of a list: its items, how many there are in all, and the absolute URLs of
    the next and previous pages (``null`` at either end)."""

    items: list[Any]
    count: int
    next: str | None = None
    previous: str | None = None


class PageNumberPagination(ninja_pagination.PageNumberPagination):
    """``?page=`` from 1 to ``MAX_PAGE``, ``?page_size=`` from 1 to ``MAX_LIMIT``."""

    Output = LinkedOutput

    class Input(Schema):
        page: ApiInt(1, MAX_PAGE) = 1
        page_size: ApiInt(1, MAX_LIMIT, optional=True) = None

    def __init__(self, max_page_size: int = MAX_LIMIT, **kwargs):
        super().__init__(max_page_size=min(max_page_size, MAX_LIMIT), **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = self._get_page_size(pagination.page_size)
        page = pagination.page
        offset = (page - 1) * size
        count = self._items_count(queryset)
        last = max(1, -(-count // size))
        return {
            self.items_attribute: queryset[offset : offset + size],
            "count": count,
            "next": page_link(request, page=page + 1) if page < last else None,
            "previous": page_link(request, page=min(page - 1, last)) if page > 1 else None,
        }


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    """``?limit=`` from 1 to ``MAX_LIMIT``, ``?offset=`` from 0 to ``MAX_OFFSET``."""

    Output = LinkedOutput

    class Input(Schema):
        limit: ApiInt(1, MAX_LIMIT) = min(ninja_settings.PAGINATION_PER_PAGE, MAX_LIMIT)
        offset: ApiInt(0, MAX_OFFSET) = 0

    def __init__(self, max_limit: int = MAX_LIMIT, **kwargs):
        super().__init__(max_limit=max_limit, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        limit = min(pagination.limit, self.max_limit)
        offset = pagination.offset
        count = self._items_count(queryset)
        back = max(0, min(offset - limit, count - limit))
        return {
            self.items_attribute: queryset[offset : offset + limit],
            "count": count,
            "next": page_link(request, offset=offset + limit, limit=limit)
            if offset + limit < count
            else None,
            "previous": page_link(request, offset=back, limit=limit) if offset > 0 else None,
        }


class LazyPage:
    """A queryset whose items become dicts (``convert(request, obj)``) only for the slice
    a paginator asks for, so a page of 20 converts 20 objects, not the whole list."""

    def __init__(self, request, qs, convert):
        self.request, self.qs, self.convert = request, qs, convert

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return [self.convert(self.request, obj) for obj in self.qs[index]]
