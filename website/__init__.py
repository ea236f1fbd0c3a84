"""The site: the root URLconf and sitemap index, above every app. See docs/architecture.md."""
