"""Autosaves and edit locks: private to their owner, one per form, size-limited,
expiring; locks held, renewed, stale, taken over, released."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from articles.models import Article
from editing import selectors, services
from editing.models import NEW_OBJECT, Autosave
from editing.settings import AUTOSAVE_MAX_AGE, EDIT_LOCK_TIMEOUT
from tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db


def state(title="A title", body="<p>Body</p>"):
    return {"fields": {"title": [title], "body": [body]}, "options": {}}


def test_an_autosave_is_its_owners_alone(editor):
    other = User.objects.create_user("ed2", is_staff=True)
    other.groups.set(editor.groups.all())
    article = make_article()
    services.autosave_store(user=editor, model=Article, object_id=article.pk, data=state("Mine"))
    services.autosave_store(user=other, model=Article, object_id=article.pk, data=state("Theirs"))
    mine = selectors.autosave_of(user=editor, model=Article, object_id=article.pk)
    theirs = selectors.autosave_of(
        user=User.objects.get(pk=other.pk), model=Article, object_id=article.pk
    )
    assert mine.data["fields"]["title"] == ["Mine"]
    assert theirs.data["fields"]["title"] == ["Theirs"]


def test_one_autosave_per_form_replaced_and_the_object_untouched(editor):
    article = make_article(title="Stored")
    for title in ("First", "Second", "Third"):
        services.autosave_store(
            user=editor, model=Article, object_id=article.pk, data=state(title), base_version=1
        )
    services.autosave_store(user=editor, model=Article, object_id=NEW_OBJECT, data=state("New"))
    assert Autosave.objects.filter(user=editor).count() == 2
    assert selectors.autosave_of(user=editor, model=Article, object_id=article.pk).data["fields"][
        "title"
    ] == ["Third"]
    article.refresh_from_db()
    assert article.title == "Stored"
    assert article.revisions.count() == 0


def test_nobody_without_the_permission_autosaves(db):
    outsider = User.objects.create_user("outsider", is_staff=True)
    article = make_article()
    for object_id in (article.pk, NEW_OBJECT):
        with pytest.raises(PermissionDenied):
            services.autosave_store(user=outsider, model=Article, object_id=object_id, data=state())
        with pytest.raises(PermissionDenied):
            services.edit_lock_heartbeat(user=outsider, model=Article, object_id=object_id)
    assert not Autosave.objects.exists()


def test_a_form_too_large_is_refused_with_a_message(editor, monkeypatch):
    monkeypatch.setattr(services, "AUTOSAVE_MAX_BYTES", 1000)
    with pytest.raises(ValidationError, match="too large"):
        services.autosave_store(
            user=editor, model=Article, object_id=NEW_OBJECT, data=state(body="x" * 1000)
        )
    assert not Autosave.objects.exists()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


@given(data=json_values)
def test_anything_but_a_form_state_is_refused(data):
    shaped = (
        isinstance(data, dict)
        and isinstance(data.get("fields"), dict)
        and all(
            isinstance(values, list) and all(isinstance(v, str) for v in values)
            for values in data["fields"].values()
        )
        and isinstance(data.get("options", {}), dict)
    )
    if shaped:
        assert services.valid_form_state(data) is data
    else:
        with pytest.raises(ValidationError):
            services.valid_form_state(data)


@given(
    fields=st.dictionaries(
        st.text(min_size=1, max_size=20), st.lists(st.text(max_size=50), max_size=4), max_size=6
    )
)
def test_every_form_state_is_accepted(fields):
    data = {"fields": fields, "options": {}}
    assert services.valid_form_state(data) is data


def test_abandoned_autosaves_expire(editor):
    now = timezone.now()
    old = now - timedelta(seconds=AUTOSAVE_MAX_AGE + 60)
    services.autosave_store(user=editor, model=Article, object_id="1", data=state(), now=old)
    services.autosave_store(user=editor, model=Article, object_id="2", data=state(), now=now)
    # A new autosave of the same user cleared their abandoned one.
    assert list(Autosave.objects.values_list("object_id", flat=True)) == ["2"]
    services.autosave_store(user=editor, model=Article, object_id="3", data=state(), now=old)
    assert services.autosaves_expire(now=now) == 1
    assert list(Autosave.objects.values_list("object_id", flat=True)) == ["2"]


def test_discarding_deletes_the_owners_autosave_only(editor):
    other = User.objects.create_user("ed2", is_staff=True)
    other.groups.set(editor.groups.all())
    other = User.objects.get(pk=other.pk)
    for user in (editor, other):
        services.autosave_store(user=user, model=Article, object_id="7", data=state())
    assert services.autosave_discard(user=editor, model=Article, object_id="7")
    assert not services.autosave_discard(user=editor, model=Article, object_id="7")
    assert selectors.autosave_of(user=other, model=Article, object_id="7") is not None


def test_a_lock_is_held_renewed_seen_and_taken_over(editor):
    other = User.objects.create_user("ed2", first_name="Dana", last_name="Lee", is_staff=True)
    other.groups.set(editor.groups.all())
    other = User.objects.get(pk=other.pk)
    article = make_article()
    start = timezone.now()
    lock = services.edit_lock_heartbeat(user=editor, model=Article, object_id=article.pk, now=start)
    assert lock.user == editor and lock.since == start
    later = start + timedelta(seconds=30)
    seen = services.edit_lock_heartbeat(user=other, model=Article, object_id=article.pk, now=later)
    assert seen.user == editor, "a live lock is not taken by a heartbeat"
    renewed = services.edit_lock_heartbeat(
        user=editor, model=Article, object_id=article.pk, now=later
    )
    assert renewed.since == start and renewed.heartbeat_at == later
    taken = services.edit_lock_heartbeat(
        user=other, model=Article, object_id=article.pk, take_over=True, now=later
    )
    assert taken.user == other and taken.since == later
    assert selectors.live_lock_of(model=Article, object_id=article.pk, now=later).user == other
    # The other editor left without closing the page: the lock goes stale.
    stale = later + timedelta(seconds=EDIT_LOCK_TIMEOUT + 1)
    assert selectors.live_lock_of(model=Article, object_id=article.pk, now=stale) is None
    back = services.edit_lock_heartbeat(user=editor, model=Article, object_id=article.pk, now=stale)
    assert back.user == editor and back.since == stale
    services.edit_lock_release(user=other, model=Article, object_id=article.pk)
    assert selectors.live_lock_of(model=Article, object_id=article.pk, now=stale).user == editor
    services.edit_lock_release(user=editor, model=Article, object_id=article.pk)
    assert selectors.live_lock_of(model=Article, object_id=article.pk, now=stale) is None
