"""
The experts' pages that list no work. website/urls.py puts them in the "experts"
namespace with articles.urls.EXPERT_WORK_PATTERNS, the profile and program pages.
"""

from django.urls import path

from experts import views

urlpatterns = [
    path("experts", views.ExpertDirectoryView.as_view(), name="directory"),
    path("programs", views.ProgramListView.as_view(), name="programs"),
]
