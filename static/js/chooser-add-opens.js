'use strict';
// A row added with an inline's "Add another" link opens its chooser's search at once:
// the editor types a name and picks it, without a click to open the search first
// (docs/editor-clicks.md). Focus moves to the search box, so the keyboard works too.
{
    document.addEventListener('formset:added', (event) => {
        const chooser = event.target.querySelector('select.chooser-autocomplete');
        if (chooser && window.django && window.django.jQuery) {
            // After choosers.js, listening to the same event, has made the chooser.
            window.setTimeout(() => window.django.jQuery(chooser).select2('open'));
        }
    });
}
