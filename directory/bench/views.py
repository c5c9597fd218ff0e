from django.shortcuts import render

from directory.contacts.models import ContactPerson


def floor(request):
    """The framework's minimum: 25 rows from one indexed query through the base template."""
    rows = list(
        ContactPerson.objects.order_by("last_name").values_list("first_name", "last_name")[:25]
    )
    return render(request, "bench/floor.html", {"rows": rows})
