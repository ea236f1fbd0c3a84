"""The expert forms of the admin, as a browser would post them (read from the page)."""

from tests.helpers.htmlpage import parse


def add_url():
    return "/admin/experts/expert/add/"


def change_url(expert):
    return f"/admin/experts/expert/{expert.pk}/change/"


def changelist_url():
    return "/admin/experts/expert/"


def history_url(expert):
    return f"/admin/experts/expert/{expert.pk}/revisions/"


def revision_url(expert, revision):
    return f"{history_url(expert)}{revision.pk}/"


def page_form_data(page, form_id, **changes):
    """The fields of form `form_id` of `page` as a browser would post them, with `changes`."""
    form = page.find("form", id=form_id)
    assert form is not None, f"no form {form_id}"
    data = {}
    for element in form.iter():
        name = element.get("name")
        if not name or "__prefix__" in name:  # an inline's template row
            continue
        if element.tag == "input":
            kind = element.get("type", "text")
            if kind in ("submit", "button", "file", "reset"):
                continue
            if kind in ("checkbox", "radio"):
                if "checked" in element.attrs:
                    data[name] = element.get("value", "on")
                continue
            data[name] = element.get("value") or ""
        elif element.tag == "textarea":
            data[name] = "".join(child for child in element.children if isinstance(child, str))
        elif element.tag == "select":
            chosen = [
                option.get("value", option.text)  # as a browser posts an option
                for option in element.find_all("option")
                if "selected" in option.attrs
            ]
            if "multiple" in element.attrs:
                data[name] = chosen
            else:
                data[name] = chosen[0] if chosen else ""
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def form_data(client, url, **changes):
    """The expert form at `url` (add or change), as loaded now, with `changes`."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return page_form_data(parse(response), "expert_form", **changes)


def links(*rows, initial=0):
    """The link inline's fields for new links [(kind, url), ...] after `initial` stored ones."""
    data = {"links-TOTAL_FORMS": str(initial + len(rows)), "links-INITIAL_FORMS": str(initial)}
    for index, (kind, url) in enumerate(rows, start=initial):
        data[f"links-{index}-kind"] = kind
        data[f"links-{index}-url"] = url
        data[f"links-{index}-position"] = str(index)
    return data


def expert_form_from_page(page, **changes):
    """The expert form of an admin `page`, as a browser would post it with "Save and
    continue editing", with `changes`."""
    return page_form_data(page, "expert_form", _continue="Save and continue editing", **changes)
