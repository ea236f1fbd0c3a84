"""Facts about the site's languages that Django's locale data gets wrong or lacks."""

from django.utils.translation import get_language_info

# Each language named in its own script, as readers expect to see it in a language
# list. Django's data spells Arabic with a shadda (العربيّة), which the reference
# site and most Arabic sites do not.
LOCAL_NAMES = {
    "ar": "العربية",
    "fa": "فارسی",
}


def local_name(code):
    return LOCAL_NAMES.get(code) or get_language_info(code)["name_local"]


def is_rtl(code):
    return bool(get_language_info(code)["bidi"])
