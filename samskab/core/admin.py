from django.contrib import admin

admin.site.empty_value_display = "–"
