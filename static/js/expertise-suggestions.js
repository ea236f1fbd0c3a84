'use strict';
// Topics and regions suggested from the chosen authors' expertise
// (articles/admin/suggestions.py): one click adds one to its chooser. The lists follow
// the authors' rows as they are chosen, changed or removed. Django's jQuery is read
// when used: this script may run before jquery.init.js.
{
    const AUTHORS = '#authorships-group select[name$="-expert"]:not([name*="__prefix__"])';
    const DELAY = 300;
    let answer = {};
    let pending = null;
    let timer = null;

    const targets = () => [...document.querySelectorAll('select[data-suggestions-url]')];

    function chosenExperts() {
        return [...document.querySelectorAll(AUTHORS)]
            .filter((select) => {
                const row = select.closest('tr, .inline-related');
                return !row?.querySelector('input[name$="-DELETE"]:checked');
            })
            .map((select) => select.value)
            .filter(Boolean);
    }

    function box(select) {
        let found = document.getElementById(`${select.id}-suggestions`);
        if (!found) {
            found = document.createElement('div');
            found.id = `${select.id}-suggestions`;
            found.className = 'help expertise-suggestions'; // aligned as a help text
            found.setAttribute('role', 'group');
            found.setAttribute('aria-label', select.dataset.suggestionsLabel);
            found.hidden = true;
            (select.closest('.flex-container') ?? select).after(found);
        }
        return found;
    }

    function add(select, item) {
        let option = [...select.options].find((candidate) => candidate.value === item.id);
        if (option) option.selected = true;
        else select.append(new Option(item.text, item.id, true, true));
        window.django.jQuery(select).trigger('change');
    }

    // Each chooser's suggestions: what the answer has that is not chosen yet.
    function render() {
        for (const select of targets()) {
            const chosen = new Set([...select.selectedOptions].map((option) => option.value));
            const items = (answer[select.dataset.suggestionsKey] ?? []).filter(
                (item) => !chosen.has(item.id),
            );
            const container = box(select);
            container.replaceChildren();
            container.hidden = items.length === 0;
            if (!items.length) continue;
            const label = document.createElement('span');
            label.textContent = select.dataset.suggestionsLabel;
            label.setAttribute('aria-hidden', 'true');
            container.append(label);
            for (const item of items) {
                const button = document.createElement('button');
                button.type = 'button';
                button.className = 'button';
                button.textContent = item.text;
                button.addEventListener('click', () => {
                    add(select, item);
                    render();
                });
                container.append(button);
            }
        }
    }

    function ask() {
        const experts = chosenExperts();
        const first = targets()[0];
        if (!first) return;
        if (pending) pending.abort();
        if (!experts.length) {
            answer = {};
            render();
            return;
        }
        pending = new AbortController();
        const url = new URL(first.dataset.suggestionsUrl, window.location.href);
        for (const id of experts) url.searchParams.append('expert', id);
        fetch(url, {
            credentials: 'same-origin',
            headers: { Accept: 'application/json' },
            signal: pending.signal,
        })
            .then((response) => (response.ok ? response.json() : null))
            .then((found) => {
                if (found) {
                    answer = found;
                    render();
                }
            })
            .catch((error) => {
                if (error.name !== 'AbortError') throw error;
            });
    }

    function later() {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, DELAY);
    }

    window.addEventListener('load', () => {
        if (!targets().length) return;
        const $ = window.django.jQuery;
        $(document).on('change', AUTHORS, later);
        $(document).on('change', 'input[name$="-DELETE"]', later);
        document.addEventListener('formset:removed', later);
        // A topic or region chosen (here or by its own search) leaves the suggestions.
        $(document).on('change', 'select[data-suggestions-url]', render);
        ask();
    });
}
