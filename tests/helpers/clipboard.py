"""What word processors put on the clipboard for a paragraph with footnotes, and pasting
it in Chromium, for the browser tests (tests/browser/).

A paragraph is given as its pieces of text around the references (one more piece than
notes), each note as inline HTML with <i> and <a href>. The shapes are those of the real
clipboards: Word's "mso-footnote" HTML (each reference's `[1]` inside conditional
comments, the notes in <div id=ftn1> after a rule), Google Docs' (one <b
id="docs-internal-guid-…"> around it all, styled <span>s, the <sup> outside the `ftnt`
anchor, the notes after a rule).
"""

import re


def _numbered(pieces, reference):
    """`pieces` joined by the references `reference(1)`, `reference(2)`, ..."""
    return "".join(
        piece + (reference(n) if n < len(pieces) else "") for n, piece in enumerate(pieces, 1)
    )


def word_clipboard(pieces, notes, *, rtl=False):
    """Word's HTML for the paragraph `pieces` with `notes` as footnotes."""
    direction = " dir=RTL" if rtl else ""

    def reference(n):
        return (
            f'<a style=\'mso-footnote-id:ftn{n}\' href="#_ftn{n}" name="_ftnref{n}" title="">'
            "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
            "<![if !supportFootnotes]><span class=MsoFootnoteReference><span "
            f"style='font-size:11.0pt;line-height:107%'>[{n}]</span></span><![endif]></span>"
            "</span></a>"
        )

    notes_html = "".join(
        f"<div style='mso-element:footnote' id=ftn{n}>\n<p class=MsoFootnoteText{direction}>"
        f'<a style=\'mso-footnote-id:ftn{n}\' href="#_ftnref{n}" name="_ftn{n}" title="">'
        "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
        "<![if !supportFootnotes]><span class=MsoFootnoteReference><span "
        f"style='font-size:10.0pt'>[{n}]</span></span><![endif]></span></span></a>"
        f"<span lang=EN-US style='font-size:10.0pt'> {note}<o:p></o:p></span></p>\n</div>\n"
        for n, note in enumerate(notes, 1)
    )
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta '
        'http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId '
        "content=Word.Document><style><!-- p.MsoNormal {margin:0cm;} --></style></head>"
        "<body lang=EN-US style='tab-interval:36.0pt'><!--StartFragment-->"
        f"<p class=MsoNormal{direction}>{_numbered(pieces, reference)}<o:p></o:p></p>"
        "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>\n"
        f'<hr align=left size=1 width="33%">\n<![endif]>\n{notes_html}</div>'
        "<!--EndFragment--></body></html>"
    )


def _google_runs(html):
    """`html` as Google Docs writes it: text in styled <span>s, italics as a style."""
    style = "font-size:11pt;font-family:Arial,sans-serif;color:#000000;"
    html = re.sub(r"<i>(.*?)</i>", rf'<span style="{style}font-style:italic;">\1</span>', html)
    html = re.sub(
        r'<a href="([^"]*)">(.*?)</a>',
        rf'<a href="\1" style="text-decoration:none;"><span style="{style}color:#1155cc;'
        r'text-decoration:underline;">\2</span></a>',
        html,
    )
    return html


def google_docs_clipboard(pieces, notes, *, rtl=False):
    """Google Docs' HTML for the paragraph `pieces` with `notes` as footnotes."""
    direction = "rtl" if rtl else "ltr"
    paragraph = f'<p dir="{direction}" style="line-height:1.38;margin-top:0pt;">'

    def reference(n):
        return f'<sup><a href="#ftnt{n}" id="ftnt_ref{n}">[{n}]</a></sup>'

    text = _numbered(
        [f'<span style="font-size:11pt;">{piece}</span>' for piece in pieces], reference
    )
    notes_html = "".join(
        f'<div>{paragraph}<a href="#ftnt_ref{n}" id="ftnt{n}">[{n}]</a>'
        f'<span style="font-size:10pt;">&nbsp;</span>{_google_runs(note)}</p></div>'
        for n, note in enumerate(notes, 1)
    )
    return (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5f1c">'
        f"{paragraph}{text}</p><hr>{notes_html}</b>"
    )


def paste_html(target, html, text):
    """Paste `html` (and `text`, its plain form) into `target`, a Playwright locator, as
    the browser does on Ctrl+V: a paste event carrying them in a DataTransfer."""
    target.evaluate(
        """(element, [html, text]) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", text);
            const options = {clipboardData: data, bubbles: true, cancelable: true};
            element.dispatchEvent(new ClipboardEvent("paste", options));
        }""",
        [html, text],
    )
