/*
 * Every select2 of the admin (Django's autocomplete fields and the choosers) readable
 * by a screen reader (axe: no serious or critical violation). Select2 makes its combobox
 * and search boxes without a name: each is named here after the select's label, or in
 * an inline's row its column's heading, whenever select2 (re)makes them (a multiple
 * select2 makes its search box anew after each choice, a single one its dropdown on
 * opening). An open combobox names the list it controls (aria-controls, as ARIA 1.2
 * asks; select2 says only aria-owns). And a multiple select2's "remove all" cross, which
 * it puts straight into its list of choices, goes in a list item of its own.
 */
'use strict';
{
    const BOXES = '.select2-selection, .select2-selection__rendered, .select2-search__field';

    function nameOf(select) {
        const label = select.id && document.querySelector(`label[for="${select.id}"]`);
        if (label) {
            return label.textContent.trim().replace(/[:：]$/, '').trim();
        }
        const cell = select.closest('td');
        const table = select.closest('table');
        const heading = cell && table && table.querySelectorAll('thead th')[cell.cellIndex];
        return heading ? heading.textContent.trim() : '';
    }

    function select2Of(select) {
        return window.django && django.jQuery ? django.jQuery(select).data('select2') : null;
    }

    function name(select) {
        const select2 = select2Of(select);
        const name = select2 && nameOf(select);
        if (!name) {
            return;
        }
        for (const part of [select2.$container, select2.$dropdown]) {
            if (part && part[0]) {
                part[0].querySelectorAll(BOXES).forEach((box) => box.setAttribute('aria-label', name));
            }
        }
    }

    function listed(clear) {
        const list = clear.parentElement;
        if (list && list.tagName === 'UL') {
            const item = document.createElement('li');
            item.className = 'select2-selection__clear-item';
            list.insertBefore(item, clear);
            item.appendChild(clear);
        }
    }

    function controls(combobox) {
        const list = combobox.getAttribute('aria-owns');
        if (list) {
            combobox.setAttribute('aria-controls', list);
        } else {
            combobox.removeAttribute('aria-controls');
        }
    }

    function update() {
        document.querySelectorAll('select.select2-hidden-accessible').forEach(name);
        document.querySelectorAll('.select2-selection[role=combobox]').forEach(controls);
        document.querySelectorAll('ul > .select2-selection__clear').forEach(listed);
    }

    // Select2's own parts only: the results typed into the search do not count.
    const PARTS = '.select2-container, .select2-selection, .select2-search, .select2-selection__clear';

    function isPart(node) {
        return node.nodeType === 1 && (node.matches(PARTS) || node.querySelector(PARTS) !== null);
    }

    // Made, or taken away (a dropdown closed).
    function madeBySelect2(mutation) {
        return [...mutation.addedNodes, ...mutation.removedNodes].some(isPart);
    }

    new MutationObserver((mutations) => {
        if (mutations.some(madeBySelect2)) {
            update();
        }
    }).observe(document.documentElement, {childList: true, subtree: true});

    document.addEventListener('DOMContentLoaded', update);
}
