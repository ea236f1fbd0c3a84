/*
 * Choosers: Django's admin select2, asking the choosers' JSON (articles/choosers.py),
 * showing an expert's photo or an article's type and date beside its name, in the
 * results and in what was chosen. The tag chooser also makes a new tag of a name typed
 * and ended with Enter or a comma (sent as data-new-prefix + name; the tag is made
 * when the article is saved). Words come from the page's data attributes.
 */
'use strict';
{
    const $ = django.jQuery;

    function detailsOf(item) {
        const option = item.element ? item.element.dataset : {};
        return {
            photo: item.photo || option.photo || '',
            detail: item.detail || option.detail || '',
            lang: item.lang || option.lang || '',
        };
    }

    function render(element, item) {
        if (item.loading || item.id === '' || item.id === undefined) {
            return item.text;
        }
        const shown = detailsOf(item);
        const box = document.createElement('span');
        box.className = 'chooser-option';
        if (shown.photo) {
            const photo = document.createElement('img');
            photo.className = 'chooser-photo';
            photo.src = shown.photo;
            photo.alt = '';
            photo.width = 32;
            photo.height = 32;
            box.append(photo);
        }
        const name = document.createElement('span');
        name.className = 'chooser-name';
        name.textContent = item.text;
        name.dir = 'auto';
        if (shown.lang) {
            name.lang = shown.lang;
        }
        box.append(name);
        const isNew = item.newTag || (item.element && item.element.dataset.new === 'true');
        const detail = isNew ? element.dataset.newLabel : shown.detail;
        if (detail) {
            const small = document.createElement('span');
            small.className = 'chooser-detail';
            small.textContent = detail;
            box.append(small);
        }
        return box;
    }

    function tagOptions(element) {
        const prefix = element.dataset.newPrefix;
        return {
            tags: true,
            tokenSeparators: [','],
            createTag: (params) => {
                const term = (params.term || '').trim();
                return term ? {id: prefix + term, text: term, newTag: true} : null;
            },
            // Existing tags first: Enter picks a tag found; a new one when none is.
            insertTag: (results, tag) => {
                results.push(tag);
            },
        };
    }

    $.fn.choosers = function() {
        $.each(this, function(i, element) {
            const options = {
                ajax: {
                    data: (params) => ({
                        term: params.term,
                        page: params.page,
                        app_label: element.dataset.appLabel,
                        model_name: element.dataset.modelName,
                        field_name: element.dataset.fieldName,
                    }),
                },
                templateResult: (item) => render(element, item),
                templateSelection: (item) => render(element, item),
            };
            if (element.dataset.chooser === 'tags') {
                Object.assign(options, tagOptions(element));
            }
            // Named for screen readers by autocomplete-a11y.js, as every select2 is.
            $(element).select2(options);
        });
        return this;
    };

    $(function() {
        $('.chooser-autocomplete').not('[name*=__prefix__]').choosers();
    });

    document.addEventListener('formset:added', (event) => {
        $(event.target).find('.chooser-autocomplete').choosers();
    });
}
