/*
 * In the admin's rich-text editors (django-prose-editor): HTML pasted, or applied
 * from the editor's HTML view, with what the server's sanitizer drops (an image from elsewhere, an unknown element, a script, an
 * iframe, a style attribute) is reported at once, under the editor, by asking the
 * server itself (thinktank/sanitizer_report.py), so the rules live in one place.
 * And a table inserted from the toolbar starts with a header row (<th> cells), and
 * each editing surface is named by its field's label.
 * Strings and the endpoint come from the page (templates/admin/includes/
 * sanitizer_warning.html). See docs/rich-text.md.
 */
"use strict";
(function () {
    const script = document.currentScript;
    const text = script.dataset;
    const EDITOR = ".prose-editor";

    function csrfToken() {
        const input = document.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function section(label, items) {
        const part = document.createElement("div");
        const title = document.createElement("p");
        title.textContent = label;
        const list = document.createElement("ul");
        for (const item of items) {
            const entry = document.createElement("li");
            const code = document.createElement("code");
            code.dir = "ltr";
            code.textContent = item;
            entry.append(code);
            list.append(entry);
        }
        part.append(title, list);
        return part;
    }

    function warn(editor, report) {
        let box = editor.parentElement.querySelector(":scope > .sanitizer-warning");
        const dropped = report.tags.length + report.attributes.length + report.images.length;
        if (!dropped) {
            if (box) box.remove();
            return;
        }
        if (!box) {
            box = document.createElement("div");
            box.className = "sanitizer-warning";
            box.setAttribute("role", "alert");
            editor.after(box);
        }
        box.replaceChildren();
        const heading = document.createElement("p");
        heading.className = "sanitizer-warning__heading";
        heading.textContent = text.heading;
        box.append(heading);
        if (report.tags.length) box.append(section(text.tags, report.tags.map((tag) => `<${tag}>`)));
        if (report.attributes.length) box.append(section(text.attributes, report.attributes));
        if (report.images.length) box.append(section(text.images, report.images));
        const dismiss = document.createElement("button");
        dismiss.type = "button";
        dismiss.className = "button sanitizer-warning__dismiss";
        dismiss.textContent = text.dismiss;
        dismiss.addEventListener("click", () => {
            box.remove();
            const surface = editor.querySelector("[contenteditable=true]");
            if (surface) surface.focus();
        });
        box.append(dismiss);
    }

    function report(editor, html) {
        fetch(text.reportUrl, {
            method: "POST",
            credentials: "same-origin",
            headers: {
                "Content-Type": "application/json",
                Accept: "application/json",
                "X-CSRFToken": csrfToken(),
            },
            body: JSON.stringify({ html }),
        })
            .then((response) => (response.ok ? response.json() : null))
            .then((answer) => {
                if (answer) warn(editor, answer);
            });
    }

    // Capture: before the editor reads (and silently drops from) the clipboard.
    document.addEventListener(
        "paste",
        (event) => {
            const editor = event.target.closest && event.target.closest(EDITOR);
            if (!editor || !event.clipboardData) return;
            const html = event.clipboardData.getData("text/html");
            if (html) report(editor, html);
        },
        true,
    );

    // The editor's HTML view: what is typed there is checked as it is applied, before
    // the editor's schema drops what it does not know.
    function watchHTMLView(source) {
        const editor = source.closest(EDITOR);
        const apply = source.form && source.form.querySelector("button[type=submit]");
        if (!editor || !apply) return;
        apply.addEventListener("click", () => report(editor, source.value), true);
    }

    // Each editing surface named by its field's label, as its textarea was.
    function name(root) {
        root.querySelectorAll(`${EDITOR} [contenteditable=true]:not([aria-labelledby])`).forEach(
            (surface) => {
                const row = surface.closest(EDITOR).parentElement;
                const label = row && row.querySelector("label[for]");
                if (!label) return;
                label.id = label.id || `${label.htmlFor}_label`;
                surface.setAttribute("aria-labelledby", label.id);
            },
        );
    }

    // The toolbar's table dialog: a header row unless the editor says otherwise.
    new MutationObserver((mutations) => {
        for (const mutation of mutations) {
            for (const node of mutation.addedNodes) {
                if (node.nodeType !== 1) continue;
                const choice = node.querySelector("dialog.prose-editor-dialog select[name=withHeaderRow]");
                if (choice) choice.value = "Yes";
                const source = node.querySelector("dialog.prose-editor-dialog textarea[name=html]");
                if (source) watchHTMLView(source);
                if (node.querySelector("[contenteditable=true]")) name(node.parentElement || node);
            }
        }
    }).observe(document.body || document.documentElement, { childList: true, subtree: true });
    name(document);
})();
