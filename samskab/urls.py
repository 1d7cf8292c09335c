from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from samskab.core import views as core_views
from samskab.networks import theme
from samskab.news import discovery

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("theme/<slug:slug>.css", theme.theme_css, name="theme_css"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("samskab.api.urls")),
    path("sitemap.xml", discovery.sitemap, name="sitemap"),
    path("robots.txt", discovery.robots, name="robots"),
    path("wp-files/", include("samskab.wpimport.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("samskab.core.urls")),
    path("", include("samskab.accounts.urls")),
    path("", include("samskab.networks.urls")),
    path("", include("samskab.audit.urls")),
    path("", include("samskab.groups.urls")),
    path("cases/", include("samskab.cases.urls")),
    path("events/", include("samskab.events.urls")),
    path("news/", include("samskab.news.urls")),
    path("pages/", include("samskab.news.page_urls")),
    path("decisions/", include("samskab.decisions.urls")),
    path("programmes/", include("samskab.programmes.urls")),
    path("", include("samskab.formbuilder.urls")),
    path("", include("samskab.search.urls")),
    prefix_default_language=True,
)

handler400 = "samskab.core.views.error_400"
handler403 = "samskab.core.views.error_403"
handler404 = "samskab.core.views.error_404"
handler500 = "samskab.core.views.error_500"

# Uploaded files (MEDIA_ROOT) are never served by a static route, not even in development:
# each is handed out by a view that checks who may have it (cases' materials, groups'
# resources).
