"""
An article's documents (docs/documents.md), then SQLite's search index filled again: its
table was made anew by 0023 (with the "below" column, where notes and documents' text
go), and the index reads the documents' table, which exists only from here on.
PostgreSQL's vector is computed by the same UPDATE as before and held no document's
text: nothing to redo there.
"""

import articles.models.documents
import django.db.models.deletion
import thinktank.languages
import thinktank.private_files
from django.db import migrations, models


def index_sqlite_again(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    from articles.search import index_all

    if apps.get_model("articles", "Article").objects.using(connection.alias).exists():
        index_all(connection)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0025_library_roles'),
    ]

    operations = [
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(help_text='What readers see, e.g. “Full report”.', max_length=200, verbose_name='title')),
                ('language', models.CharField(choices=thinktank.languages.configured_languages, default='en', help_text='The language the document is written in.', max_length=10, verbose_name='language')),
                ('file', models.FileField(max_length=200, storage=thinktank.private_files.private_storage, upload_to=articles.models.documents.document_file_name, verbose_name='file')),
                ('kind', models.CharField(choices=[('pdf', 'PDF'), ('xlsx', 'XLSX'), ('ods', 'ODS'), ('docx', 'DOCX'), ('csv', 'CSV')], editable=False, max_length=10, verbose_name='type')),
                ('size', models.PositiveBigIntegerField(default=0, editable=False, verbose_name='size')),
                ('page_count', models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='pages')),
                ('text', models.TextField(blank=True, editable=False)),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='articles.article', verbose_name='article')),
            ],
            options={
                'verbose_name': 'document',
                'verbose_name_plural': 'documents',
                'ordering': ['position', 'pk'],
                'indexes': [models.Index(fields=['article', 'position'], name='document_in_order')],
            },
        ),
        migrations.RunPython(index_sqlite_again, migrations.RunPython.noop),
    ]
