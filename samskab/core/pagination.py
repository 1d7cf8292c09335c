from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

DEFAULT_PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = DEFAULT_PAGE_SIZE):
    """A page of the queryset for ``?page=``; a bad or too-large number gives the last page
    rather than an error, and a non-number gives the first."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
