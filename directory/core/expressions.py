"""SQL expressions the apps share."""

from django.db.models import BooleanField, Func


class AnyOf(Func):
    """SQL `value = ANY(array)`: one primary key lookup per element, and none for NULL. The
    array is one parameter, where `__in` sends a placeholder per element (for thousands of ids,
    binding and parsing them cost more than the lookups)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection):
        (value, value_params), (array, array_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return f"{value} = ANY({array})", [*value_params, *array_params]
