"""
The checks a topic's or a region's slug must pass besides its own uniqueness.

Topics and regions share a URL namespace with what other apps publish there; those
apps register a check here (from their AppConfig.ready()), so this app names none.
"""

_checks = []


def register_slug_check(check):
    """`check(slug, *, instance)` raises ValidationError when `slug` is taken elsewhere."""
    if check not in _checks:
        _checks.append(check)


def check_slug(slug, *, instance):
    for check in _checks:
        check(slug, instance=instance)
