"""Django's model backend, with the user's group names read in the same query as the user."""

from django.contrib.auth import backends, get_user_model
from django.contrib.postgres.aggregates import ArrayAgg


class ModelBackend(backends.ModelBackend):
    """Each request loads its user once; `group_names` comes with it, so the role (see
    `core.roles.role_of`) costs no second query."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(
            group_names=ArrayAgg("groups__name", default=[])
        )
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
