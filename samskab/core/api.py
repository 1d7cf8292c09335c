"""Shared pieces of the django-ninja API: pagination whose numbers have bounds.

ninja's own classes accept any integer, and an offset of 10^31 overflows the database.
"""

from ninja import Schema
from ninja import pagination as ninja_pagination
from ninja.conf import settings as ninja_settings

from .params import MAX_PAGE, ApiInt

MAX_LIMIT = 100  # items in one answer
MAX_OFFSET = 10_000_000


class PageNumberPagination(ninja_pagination.PageNumberPagination):
    """``?page=`` from 1 to ``MAX_PAGE``, ``?page_size=`` from 1 to ``MAX_LIMIT``."""

    class Input(Schema):
        page: ApiInt(1, MAX_PAGE) = 1
        page_size: ApiInt(1, MAX_LIMIT, optional=True) = None

    def __init__(self, max_page_size: int = MAX_LIMIT, **kwargs):
        super().__init__(max_page_size=min(max_page_size, MAX_LIMIT), **kwargs)


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    """``?limit=`` from 1 to ``MAX_LIMIT``, ``?offset=`` from 0 to ``MAX_OFFSET``."""

    class Input(Schema):
        limit: ApiInt(1, MAX_LIMIT) = min(ninja_settings.PAGINATION_PER_PAGE, MAX_LIMIT)
        offset: ApiInt(0, MAX_OFFSET) = 0

    def __init__(self, max_limit: int = MAX_LIMIT, **kwargs):
        super().__init__(max_limit=max_limit, **kwargs)


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
