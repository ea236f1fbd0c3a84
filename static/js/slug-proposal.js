/*
 * The slug proposed as the title is typed (thinktank/slug_proposal.py): on a new
 * object, while the slug was not edited by hand, each pause in typing asks the
 * admin's slug-proposal endpoint for the server's own slug (Arabic and Persian
 * transliterated as the server does) and fills it in. On a saved topic or region,
 * changing the slug shows that the old address will redirect.
 * See docs/slugs-in-the-admin.md.
 */
"use strict";
(function () {
    const DELAY = 300; // ms after the last keystroke

    function propose(slug) {
        const source = document.getElementById(slug.dataset.slugSource);
        if (!source) return;
        const language = slug.dataset.slugLanguage
            ? document.getElementById(slug.dataset.slugLanguage)
            : null;
        // A slug already there (typed, or kept by a form shown again) is the editor's.
        let byHand = slug.value.trim() !== "";
        let timer = null;
        let pending = null;

        slug.addEventListener("input", () => {
            byHand = slug.value.trim() !== "";
        });

        function ask() {
            if (byHand) return;
            if (pending) pending.abort();
            pending = new AbortController();
            const url = new URL(slug.dataset.slugUrl, window.location.href);
            url.searchParams.set("title", source.value);
            if (language) url.searchParams.set("language", language.value);
            fetch(url, {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
                signal: pending.signal,
            })
                .then((response) => (response.ok ? response.json() : null))
                .then((answer) => {
                    if (answer && !byHand) {
                        slug.value = answer.slug;
                        slug.dispatchEvent(new Event("change", { bubbles: true }));
                    }
                })
                .catch((error) => {
                    if (error.name !== "AbortError") throw error;
                });
        }

        function later() {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, DELAY);
        }

        source.addEventListener("input", later);
        if (language) language.addEventListener("change", later);
    }

    function noticeRename(slug) {
        const notice = slug.parentElement.querySelector("[data-slug-notice]");
        if (!notice) return;
        const show = () => {
            notice.hidden = slug.value.trim() === slug.dataset.slugOld;
        };
        slug.addEventListener("input", show);
        show();
    }

    function start() {
        document.querySelectorAll("input[data-slug-url]").forEach(propose);
        document.querySelectorAll("input[data-slug-old]").forEach(noticeRename);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
