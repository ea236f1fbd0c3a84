"""The editor's desk: what the admin's home page (the editorial dashboard) lists.
See docs/dashboard.md."""
