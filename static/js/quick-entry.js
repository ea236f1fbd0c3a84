'use strict';
// Fewer clicks on the article's form (docs/editor-clicks.md). Focus moves to the search
// box each time, so the keyboard works the same way. Django's jQuery is read when used:
// this script may run before jquery.init.js.
{
    const select2 = (element, ...args) => window.django.jQuery(element).select2(...args);

    // A row added with an inline's "Add another" link opens its chooser's search at once:
    // the editor types a name and picks it, without a click to open the search first.
    document.addEventListener('formset:added', (event) => {
        const chooser = event.target.querySelector('select.chooser-autocomplete');
        if (chooser) {
            // After choosers.js, listening to the same event, has made the chooser.
            window.setTimeout(() => select2(chooser, 'open'));
        }
    });

    // Enter in the title goes on to the summary, as in a word processor, instead of
    // sending the form with its first button. Not while an input method composes
    // (Arabic and Persian keyboards may use Enter to confirm a word).
    document.addEventListener('keydown', (event) => {
        const next = event.target.dataset?.enterMovesTo;
        if (!next || event.key !== 'Enter' || event.isComposing) return;
        if (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
        event.preventDefault();
        document.getElementById(next)?.focus();
    });

    window.addEventListener('load', () => {
        // The tag field's search stays open after a pick, for the next tag (Escape or a
        // click elsewhere closes it).
        window.django.jQuery(document).on(
            'select2:select',
            'select.chooser-autocomplete[data-chooser=tags]',
            (event) => window.setTimeout(() => select2(event.target, 'open')),
        );
        // Django's change_form.js puts the cursor in an add form's first control, which
        // is a button here (the live preview's); once it has run (it is async, so before
        // the load), the field marked autofocus (the title) wins.
        document.querySelector('form [autofocus]')?.focus();
    });
}
