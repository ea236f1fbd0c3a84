/*
 * The per-language fieldsets of a translatable model's admin form
 * (thinktank/language_tabs.py) as WAI-ARIA tabs: one tab per language, arrow keys,
 * Home and End move between them; the first tab holding an error is opened and
 * marked. (The admin's forms are `novalidate`: the errors are the server's.) Without this script every language's fieldset stays visible, one under
 * another. See docs/translated-fields.md.
 */
"use strict";
(function () {
    const PANEL = "fieldset.language-tab";
    const PREFIX = "language-tab--";

    function languageOf(panel) {
        const name = Array.from(panel.classList).find((c) => c.startsWith(PREFIX));
        return name ? name.slice(PREFIX.length) : "";
    }

    function hasErrors(panel) {
        return panel.querySelector(".errorlist, .errors") !== null;
    }

    function build(panels, index) {
        const focused = panels.some((panel) => panel.contains(document.activeElement))
            ? document.activeElement
            : null;
        const tablist = document.createElement("div");
        tablist.className = "language-tabs";
        tablist.setAttribute("role", "tablist");
        panels[0].before(tablist);
        const tabs = panels.map((panel, position) => {
            const heading = panel.querySelector(".fieldset-heading");
            const tab = document.createElement("button");
            const id = `language-tabs-${index}-${position}`;
            tab.type = "button";
            tab.id = `${id}-tab`;
            tab.className = "language-tabs__tab";
            tab.setAttribute("role", "tab");
            const name = document.createElement("span");
            name.textContent = heading ? heading.textContent.trim() : languageOf(panel);
            name.lang = languageOf(panel);
            name.dir = "auto";
            tab.append(name);
            // A fieldset may not be a tabpanel: a wrapper is, around it.
            const wrapper = document.createElement("div");
            wrapper.id = `${id}-panel`;
            wrapper.className = "language-tabs__panel";
            wrapper.setAttribute("role", "tabpanel");
            wrapper.setAttribute("aria-labelledby", tab.id);
            panel.before(wrapper);
            wrapper.append(panel);
            tab.setAttribute("aria-controls", wrapper.id);
            if (heading) heading.hidden = true;
            const errors = panel.querySelector(".errorlist");
            if (hasErrors(panel)) {
                tab.classList.add("language-tabs__tab--error");
                const mark = document.createElement("span");
                mark.className = "language-tabs__mark";
                mark.setAttribute("aria-hidden", "true");
                mark.textContent = "!";
                tab.append(mark);
                if (errors) {
                    errors.id = errors.id || `${id}-errors`;
                    tab.setAttribute("aria-describedby", errors.id);
                }
            }
            tablist.append(tab);
            return tab;
        });

        function select(chosen, focus) {
            tabs.forEach((tab, position) => {
                const selected = position === chosen;
                tab.setAttribute("aria-selected", String(selected));
                tab.tabIndex = selected ? 0 : -1;
                panels[position].parentElement.hidden = !selected;
            });
            if (focus) tabs[chosen].focus();
        }

        tabs.forEach((tab, position) => {
            tab.addEventListener("click", () => select(position, false));
            tab.addEventListener("keydown", (event) => {
                const forward = getComputedStyle(tablist).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
                const back = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
                const last = tabs.length - 1;
                const moves = {
                    [forward]: position === last ? 0 : position + 1,
                    [back]: position === 0 ? last : position - 1,
                    Home: 0,
                    End: last,
                };
                if (event.key in moves) {
                    event.preventDefault();
                    select(moves[event.key], true);
                }
            });
        });
        const withErrors = panels.findIndex(hasErrors);
        select(withErrors === -1 ? 0 : withErrors, false);
        // Moving a fieldset into its panel takes the focus from an input in it (Django's
        // admin focuses an add form's first input): it is given back if still shown.
        if (focused && focused !== document.activeElement && focused.checkVisibility()) {
            focused.focus();
        }
    }

    function groups() {
        const found = [];
        document.querySelectorAll(PANEL).forEach((panel) => {
            const group = found[found.length - 1];
            const previous = panel.previousElementSibling;
            if (group && previous === group[group.length - 1]) group.push(panel);
            else found.push([panel]);
        });
        return found;
    }

    function start() {
        groups().forEach((panels, index) => build(panels, index));
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
