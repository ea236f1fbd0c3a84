"""
For the citation tests: an article with its byline loaded, as the views give it; and
citations read back, as a reader copies them off the page and with tiny parsers for
the BibTeX and RIS files, strict about the shape of each.
"""

import re

from tests.helpers.htmlpage import parse


def with_byline(article):
    article.byline = list(article.authorships.select_related("expert").order_by("position"))
    return article


def text(html):
    """A citation as a reader copies it: the HTML's text, entities resolved."""
    return parse(f"<p>{html}</p>").find("p").text


# --- tiny parsers, to read the files back -------------------------------------------------------


def parse_bibtex(source):
    """(entry type, key, {field: value}) of a single BibTeX entry; braces kept inside values."""
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\}\n", source, re.DOTALL)
    assert match, source
    entry_type, key, body = match.groups()
    fields, position = {}, 0
    while True:
        field = re.compile(r"\s*(\w+) = ").match(body, position)
        if field is None:
            break
        name, position = field.group(1), field.end()
        if body[position] == "{":
            depth, start = 0, position
            while True:
                if body[position] == "\\":
                    position += 2
                    continue
                depth += {"{": 1, "}": -1}.get(body[position], 0)
                position += 1
                if depth == 0:
                    break
            value = body[start + 1 : position - 1]
        else:  # a macro, such as a month
            value = re.compile(r"\w+").match(body, position).group(0)
            position += len(value)
        assert body[position] == ",", body[position:]
        position += 1
        assert name not in fields
        fields[name] = value
    assert not body[position:].strip(), body[position:]
    return entry_type, key, fields


def parse_ris(source):
    """[(tag, value)] of a single RIS record, checking its line endings and its end."""
    assert source.endswith("ER  - \r\n")
    lines = source.split("\r\n")
    assert lines.pop() == ""
    assert "\n" not in "".join(lines)
    pairs = []
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, line
        pairs.append(match.groups())
    assert pairs[0][0] == "TY"
    assert pairs[-1] == ("ER", "")
    return pairs[:-1]


def ris_values(pairs, tag):
    return [value for name, value in pairs if name == tag]
