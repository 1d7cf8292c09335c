import rules

from samskab.networks.predicates import is_superuser

from .predicates import (
    is_article_group_coordinator,
    is_article_network_staff,
    is_network_coordinator,
    is_network_news_staff,
    is_page_network_staff,
    is_published_page,
    is_visible_article,
)

article_editor = is_superuser | is_article_network_staff | is_article_group_coordinator

# Published articles past their time are public; drafts and scheduled ones only for editors.
rules.add_perm("news.view_article", is_visible_article | article_editor)
# The secretariat writes the network's news; coordinators their groups' (the object is the
# network; the service checks that a coordinator's article belongs to their group).
rules.add_perm("news.add_article", is_superuser | is_network_news_staff | is_network_coordinator)
# The secretariat and the coordinators of the article's groups edit, publish and delete it.
rules.add_perm("news.change_article", article_editor)
rules.add_perm("news.publish_article", article_editor)
rules.add_perm("news.delete_article", article_editor)
# Lists of drafts and scheduled articles (the object is the network).
rules.add_perm("news.view_drafts", is_superuser | is_network_news_staff | is_network_coordinator)

# Static pages (about, contact, membership ...): the network's secretariat writes them.
page_editor = is_superuser | is_page_network_staff
rules.add_perm("news.view_page", is_published_page | page_editor)
# The list of pages and writing a new one (the object is the network).
rules.add_perm("news.manage_pages", is_superuser | is_network_news_staff)
rules.add_perm("news.change_page", page_editor)
rules.add_perm("news.delete_page", page_editor)
