"""Who may do what: anyone reads; editors write what their model permissions allow."""

from rest_framework import permissions


class ReadOrModelPermissions(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """DRF's model permissions, with reads let through before any queryset is built.

    DRF builds the view's queryset, prefetches and all, to find the model of a
    permission a read never needs: for a kept answer, most of a request's work.
    """

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)
