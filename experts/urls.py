from django.urls import path

from experts import views

app_name = "experts"

urlpatterns = [
    path("experts", views.ExpertDirectoryView.as_view(), name="directory"),
    path("experts/<slug:slug>", views.ExpertDetailView.as_view(), name="detail"),
    path("programs", views.ProgramListView.as_view(), name="programs"),
    path("programs/<slug:slug>", views.ProgramDetailView.as_view(), name="program"),
]
