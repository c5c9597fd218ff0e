"""Personal data as the models declare it, once (`personal_data` on the model class):

    personal_data = {
        "fields": [...],  # the fields that hold personal data
        "purpose", "basis", "recipients", "retention": ...,  # the record of processing
        "of_contact": function(contact) -> Q,  # the rows about one contact person, erased
                                               # with them; None when they stay (see retention)
        "erased_as": {field: value},  # optional: what stands in place of the data
    }

The record of processing, erasure and retention read these declarations; none keeps a list
of its own.
"""

import pghistory.models
from django.apps import apps
from django.utils import timezone


def declaring_models():
    """Every concrete model that declares personal data."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy and getattr(model, "personal_data", None) is not None
    ]


def empty_value(field):
    """What a field holds once its data is erased: NULL where allowed, else its empty default
    ("" for text, {} or [] for JSON and arrays)."""
    return None if field.null else field.get_default()


def erased_values(model):
    """The declared fields of `model`, emptied, and what the declaration puts in their place."""
    declaration = model.personal_data
    values = {name: empty_value(model._meta.get_field(name)) for name in declaration["fields"]}
    return {**values, **declaration.get("erased_as", {})}


def history_models(model):
    """The pghistory event models that keep copies of `model`'s rows."""
    return [
        relation.related_model
        for relation in model._meta.related_objects
        if issubclass(relation.related_model, pghistory.models.Event)
        and relation.field.name == "pgh_obj"
    ]


def erase(rows):
    """Erase the declared personal data of `rows` (a queryset), in the rows and in their
    history; returns how many rows."""
    model = rows.model
    values = erased_values(model)
    ids = list(rows.values_list("pk", flat=True))
    for history in history_models(model):
        names = {field.name for field in history._meta.concrete_fields}
        history.objects.filter(pgh_obj__in=ids).update(
            **{name: value for name, value in values.items() if name in names}
        )
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    # Blanking the rows writes one more history event, with the data already erased.
    return model._base_manager.filter(pk__in=ids).update(**values)
