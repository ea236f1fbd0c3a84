"""Checks a topic's or region's slug must pass in the URL namespace it shares with other apps."""

_checks = []


def register_slug_check(check):
    """`check(slug, *, instance)` raises ValidationError when `slug` is taken elsewhere."""
    if check not in _checks:
        _checks.append(check)


def check_slug(slug, *, instance):
    for check in _checks:
        check(slug, instance=instance)
