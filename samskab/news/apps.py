from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "samskab.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from samskab.core.pagecache import ignore_model, register_next_change
        from samskab.groups.selectors import register_group_feeds, register_group_news
        from samskab.networks.selectors import register_front_section
        from samskab.programmes.selectors import register_programme_news
        from samskab.search.registry import register

        from . import personal_data  # noqa: F401 - registers the personal-data sections
        from .front import front_section
        from .models import Article
        from .search import ArticleAdapter
        from .selectors import group_feeds, group_news, next_publication, programme_news

        register(Article, ArticleAdapter())
        register_next_change(next_publication)  # scheduled articles refresh cached pages
        register_group_news(group_news)  # a theme group's page lists its news
        register_group_feeds(group_feeds)  # ... and announces its feeds
        register_programme_news(programme_news)  # a programme's page lists its news
        register_front_section(front_section)  # the front page shows the network's life
        ignore_model("news.ArticleRevision")
