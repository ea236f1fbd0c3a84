"""The image library (issue 13)."""

import django.core.validators
import django.db.models.deletion
import taggit.managers
import thinktank.images
import thinktank.translation
import thinktank.uploads
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Image',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translations', thinktank.translation.TranslationsField(blank=True, default=dict, help_text='The text of the translatable fields in other languages.', verbose_name='translations')),
                ('file', thinktank.uploads.UploadedImageField(height_field='height', max_length=255, upload_to='library/', validators=[django.core.validators.FileExtensionValidator(['jpg', 'jpeg', 'png', 'webp', 'gif']), thinktank.images.validate_image_upload], verbose_name='image file', width_field='width')),
                ('width', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('height', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(help_text='To find the image in the library.', max_length=200, verbose_name='title')),
                ('alt_text', models.CharField(help_text='What the image shows, for readers who cannot see it (a chart: its main finding).', max_length=500, verbose_name='alt text')),
                ('caption', models.TextField(blank=True, help_text='Shown under the image unless the article gives its own caption.', verbose_name='caption')),
                ('credit', models.CharField(blank=True, help_text='For example “Photo: Reuters”.', max_length=200, verbose_name='credit')),
                ('focal_x', models.PositiveSmallIntegerField(default=50, validators=[django.core.validators.MaxValueValidator(100)], verbose_name='focal point, across (%)')),
                ('focal_y', models.PositiveSmallIntegerField(default=50, validators=[django.core.validators.MaxValueValidator(100)], verbose_name='focal point, down (%)')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text='A comma-separated list of tags.', through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
            ],
            options={
                'verbose_name': 'image',
                'verbose_name_plural': 'images',
                'ordering': ['-created_at', '-pk'],
            },
        ),
    ]
