"""API-wide query conventions: `ordering` by public field names, with a stable tie-break."""

from rest_framework import filters
from rest_framework.exceptions import ValidationError


class OrderingFilter(filters.OrderingFilter):
    """`?ordering=date,-name`: a viewset's `ordering_fields` maps public names to columns.

    Ties are broken by id, so that pages never repeat or skip a record.
    """

    def get_valid_fields(self, queryset, view, context=None):
        return [(name, name) for name in getattr(view, "ordering_fields", {})]

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        return [*ordering, "pk"] if "pk" not in ordering else ordering

    def remove_invalid_fields(self, queryset, fields, view, request):
        columns = getattr(view, "ordering_fields", {})
        ordering = []
        for term in fields:
            name = term.removeprefix("-")
            if not name:
                continue
            if name not in columns:
                raise ValidationError(
                    {
                        self.ordering_param: [
                            f"Cannot sort by {name!r}: sort by {', '.join(columns)}."
                        ]
                    }
                )
            ordering.append(f"{'-' if term.startswith('-') else ''}{columns[name]}")
        return ordering

    def get_schema_operation_parameters(self, view):
        names = list(getattr(view, "ordering_fields", {}))
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": f"Sort by {', '.join(names)}; '-' before a name reverses it, "
                "commas separate several: `-signed,name`.",
                "schema": {"type": "string"},
            }
        ]
