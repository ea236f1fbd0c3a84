/*
 * Rows put in order by dragging a handle, or with the keyboard (the handle focused, the
 * up and down arrow keys; or the "Move up" and "Move down" buttons), instead of typed
 * numbers. Each row has a hidden input[data-ordering-position] (thinktank/ordering.py),
 * renumbered 0..n in the order shown; the server renumbers again on save. A move is
 * announced in an aria-live region. Vertical only, so it reads the same right to left.
 * The words come from the page (data attributes): no string is written here.
 */
'use strict';
{
    const POSITION = 'input[data-ordering-position]';
    let status = null;

    function positionInput(row) {
        return row.querySelector(POSITION);
    }

    function isTemplate(row) {
        return row.classList.contains('empty-form') || row.id.endsWith('-empty') ||
            /__prefix__/.test(positionInput(row).name);
    }

    function rowsOf(body) {
        return Array.from(body.children).filter(
            (row) => row.tagName === 'TR' && positionInput(row) && !isTemplate(row)
        );
    }

    function renumber(body) {
        rowsOf(body).forEach((row, index) => {
            positionInput(row).value = index;
        });
    }

    function rowName(row) {
        const select = row.querySelector('select');
        if (select && select.selectedOptions.length && select.value) {
            return select.selectedOptions[0].textContent.trim();
        }
        const named = row.querySelector('th a, td.original p, th');
        return (named ? named.textContent : row.textContent).trim().replace(/\s+/g, ' ');
    }

    function announce(row) {
        const body = row.parentElement;
        const rows = rowsOf(body);
        const words = positionInput(row).dataset.moved;
        if (!status) {
            status = document.createElement('div');
            status.className = 'ordering-status visually-hidden';
            status.setAttribute('role', 'status');
            status.setAttribute('aria-live', 'polite');
            document.body.appendChild(status);
        }
        status.textContent = words
            .replace('%(name)s', rowName(row))
            .replace('%(position)s', rows.indexOf(row) + 1)
            .replace('%(count)s', rows.length);
    }

    function moveBy(row, step) {
        const body = row.parentElement;
        const rows = rowsOf(body);
        const index = rows.indexOf(row);
        const target = rows[index + step];
        if (target) {
            if (step < 0) {
                body.insertBefore(row, target);
            } else {
                target.after(row);
            }
            renumber(body);
        }
        announce(row);
    }

    function button(className, label, text) {
        const element = document.createElement('button');
        element.type = 'button';
        element.className = className;
        element.setAttribute('aria-label', label);
        element.title = label;
        element.textContent = text;
        return element;
    }

    function drag(handle, row) {
        // The document listens, not the handle: moving the row in the page would end a
        // pointer capture on it.
        const body = row.parentElement;
        row.classList.add('ordering-dragging');
        const follow = (moveEvent) => {
            const others = rowsOf(body).filter((other) => other !== row);
            const before = others.find((other) => {
                const box = other.getBoundingClientRect();
                return moveEvent.clientY < box.top + box.height / 2;
            });
            if (before) {
                if (row.nextElementSibling !== before) {
                    body.insertBefore(row, before);
                }
            } else if (others.length && others[others.length - 1].nextElementSibling !== row) {
                others[others.length - 1].after(row);
            }
        };
        const drop = () => {
            document.removeEventListener('pointermove', follow);
            document.removeEventListener('pointerup', drop);
            document.removeEventListener('pointercancel', drop);
            row.classList.remove('ordering-dragging');
            renumber(body);
            announce(row);
            handle.focus();
        };
        document.addEventListener('pointermove', follow);
        document.addEventListener('pointerup', drop);
        document.addEventListener('pointercancel', drop);
    }

    function addControls(row) {
        const input = positionInput(row);
        if (!input || isTemplate(row) || row.querySelector('.ordering-controls')) {
            return;
        }
        const words = input.dataset;
        const controls = document.createElement('span');
        controls.className = 'ordering-controls';
        const handle = button('ordering-handle', words.handle, '\u283f');
        const up = button('ordering-up', words.moveUp, '\u25b2');
        const down = button('ordering-down', words.moveDown, '\u25bc');
        handle.addEventListener('keydown', (event) => {
            const step = {ArrowUp: -1, ArrowDown: 1}[event.key];
            if (step) {
                event.preventDefault();
                moveBy(row, step);
                handle.focus();
            }
        });
        handle.addEventListener('pointerdown', (event) => {
            if (event.button === 0) {
                event.preventDefault();
                drag(handle, row);
            }
        });
        up.addEventListener('click', () => {
            moveBy(row, -1);
            up.focus();
        });
        down.addEventListener('click', () => {
            moveBy(row, 1);
            down.focus();
        });
        controls.append(handle, up, down);
        // An inline's position column is hidden: the controls go in its first cell.
        let cell = input.closest('td, th');
        if (!cell || cell.classList.contains('hidden')) {
            cell = row.querySelector('td.original') || row.firstElementChild;
        }
        cell.prepend(controls);
        row.classList.add('ordering-row');
    }

    function setUp(root) {
        const bodies = new Set();
        root.querySelectorAll(POSITION).forEach((input) => {
            const row = input.closest('tr');
            if (row && row.parentElement) {
                addControls(row);
                bodies.add(row.parentElement);
            }
        });
        bodies.forEach(renumber);
    }

    document.addEventListener('DOMContentLoaded', () => setUp(document));
    // A row added with "Add another": controls, and the last place.
    document.addEventListener('formset:added', (event) => {
        const row = event.target.closest ? event.target.closest('tr') || event.target : event.target;
        setUp(row.parentElement || document);
    });
}
