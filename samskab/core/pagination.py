from django.core.paginator import EmptyPage, Paginator

from .params import page_number

DEFAULT_PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = DEFAULT_PAGE_SIZE):
    """A page of the queryset for ``?page=``; a number past the end gives the last page, a
    bad one the first (with a message to the user, ``samskab.core.params``)."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(page_number(request))
    except EmptyPage:
        return paginator.page(paginator.num_pages)
