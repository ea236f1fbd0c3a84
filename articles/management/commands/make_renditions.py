"""`manage.py make_renditions`: the missing renditions (and sizes) of every stored image."""

from django.core.management.base import BaseCommand, CommandError

from articles import site_services
from articles.models import Article
from experts.models import Expert
from library.models import Image
from thinktank.renditions import (
    IMAGE_ERRORS,
    SQUARE_FIELDS,
    SquareCrop,
    field_key,
    make_renditions,
    read_dimensions,
)

# (model, image field): every image that pages show through renditions.
IMAGE_FIELDS = [(Article, "hero_image"), (Expert, "photo"), (Image, "file")]


class Command(BaseCommand):
    help = (
        "Make the missing renditions (resized WebP and JPEG/PNG copies) of every article "
        "hero image, expert photo and library image. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Make every rendition again, even those that exist.",
        )

    def handle(self, *args, replace=False, verbosity=1, **options):
        images = made = 0
        failed = []
        for model, field_name in IMAGE_FIELDS:
            field = model._meta.get_field(field_name)
            for (name, crop), (width, height) in self.stored_images(model, field).items():
                images += 1
                fieldfile = field.attr_class(None, field, name)
                try:
                    if not width:
                        width, height = read_dimensions(field.storage, name)
                        site_services.image_record_size(model, field, name, width, height)
                    names = make_renditions(fieldfile, width, height, crop=crop, replace=replace)
                except IMAGE_ERRORS as error:
                    failed.append(name)
                    self.stderr.write(f"{name}: {error}")
                    continue
                made += len(names)
                if verbosity >= 2:
                    for rendition in names:
                        self.stdout.write(f"  {rendition}")
        self.stdout.write(
            self.style.SUCCESS(f"{made} renditions made for {images} images.")
            if not failed
            else f"{made} renditions made for {images} images."
        )
        if failed:
            raise CommandError(f"{len(failed)} images could not be read: {', '.join(failed)}")

    def stored_images(self, model, field):
        """
        {(file name, crop): (width, height)} of every row with an image, without
        loading a row. A square photo's crop follows its row's focal point, so each
        focal point an image is shown with gets its renditions.
        """
        focal = SQUARE_FIELDS.get(field_key(field), ())
        rows = (
            model._base_manager.exclude(**{field.name: ""})
            .order_by(field.name)
            .values_list(field.name, field.width_field, field.height_field, *focal)
        )
        images = {}
        for name, width, height, *point in rows:
            key = (name, SquareCrop(*point) if focal else None)
            if not images.get(key, (None, None))[0]:
                images[key] = (width, height)
        return images
