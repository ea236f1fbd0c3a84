"""A generated corpus of experts and articles, for trying the site at scale (generate_corpus)."""
