"""One search across every kind of record, ranked together."""

from django.contrib.postgres.search import SearchHeadline
from django.db.models import Count, F, Window
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
)
from rest_framework import serializers as drf_serializers
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from events.api.conditional import kept
from events.api.fields import requested_language
from events.models import Event, Person, Place, Polity, Source
from events.names import display_name, fold, matched_name
from events.search import InvalidQuery, clean_query, meaningful_words, search, text_query
from treaties.api.serializers import SearchHitSerializer, SearchResultsSerializer
from treaties.models import Clause, Treaty

# kind: (model, route basename, the text a snippet is cut from)
KINDS = {
    "treaty": (Treaty, "treaty", "description"),
    "clause": (Clause, "clause", "summary"),
    "event": (Event, "event", "description"),
    "person": (Person, "person", "description"),
    "place": (Place, "place", "description"),
    "polity": (Polity, "polity", "description"),
    "source": (Source, "source", "citation"),
}
MAX_PAGE_SIZE = 100


class SearchQuerySerializer(drf_serializers.Serializer):
    q = drf_serializers.CharField(help_text="Words, or a name in any language, script or spelling.")
    kind = drf_serializers.MultipleChoiceField(choices=list(KINDS), required=False)
    page = drf_serializers.IntegerField(min_value=1, default=1)
    page_size = drf_serializers.IntegerField(min_value=1, default=20)

    def validate_q(self, value: str) -> str:
        try:
            return clean_query(value)
        except InvalidQuery as error:
            raise drf_serializers.ValidationError(str(error)) from error


class SearchView(APIView):
    """Search every kind of record at once: names in every spelling and script, and text."""

    permission_classes = [AllowAny]  # it only reads, and what it reads is public
    kept_reads = True

    @extend_schema(
        summary="Search every kind of record",
        description=(
            "Events, treaties, clauses, people, places, polities and sources matching `q`, "
            "ranked together: an exact name first, then names containing the query, near "
            "spellings (one or two letters off) and text matches by closeness. Names match in "
            "every language and script they are recorded in, whatever their accents, "
            "romanisation (Muravyov, Mouraviev, Муравьёв) or Chinese script (瑷珲, 璦琿). Text "
            "matches in English and French, by word stems. A query of stop words alone finds "
            "nothing. `lang` picks the language of each hit's name."
        ),
        tags=["search"],
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, required=True, description="What to find."),
            OpenApiParameter(
                "kind",
                OpenApiTypes.STR,
                enum=list(KINDS),
                many=True,
                explode=True,
                description="Only these kinds (repeat the parameter for several).",
            ),
            OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
            OpenApiParameter(
                "page_size", OpenApiTypes.INT, description="Hits per page, up to 100."
            ),
        ],
        responses={
            200: SearchResultsSerializer,
        },
        examples=[
            OpenApiExample(
                "Mouraviev",
                {
                    "count": 1,
                    "next": None,
                    "previous": None,
                    "results": [
                        {
                            "kind": "person",
                            "id": 1,
                            "slug": "nikolay-muravyov",
                            "name": "Nikolay Muravyov-Amursky",
                            "url": "https://annales.example/api/v1/people/nikolay-muravyov/",
                            "matched": "Nikolaï Mouraviev",
                            "snippet": "Governor-General of Eastern Siberia from 1847…",
                            "rank": 4.0,
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request):
        return kept(self, lambda: self._found(request))

    def _found(self, request) -> Response:
        params = SearchQuerySerializer(
            data={
                **request.query_params.dict(),
                "kind": request.query_params.getlist("kind"),
            }
        )
        params.is_valid(raise_exception=True)
        q, page = params.validated_data["q"], params.validated_data["page"]
        size = min(params.validated_data["page_size"], MAX_PAGE_SIZE)
        kinds = params.validated_data.get("kind") or list(KINDS)
        words = meaningful_words(q)
        found, count = [], 0
        if words:
            for kind in kinds:
                records, total = self._search(kind, q, words, limit=page * size)
                found.extend((round(record.search_rank, 4), kind, record) for record in records)
                count += total
        found.sort(key=lambda hit: (-hit[0], hit[1], hit[2].pk))
        if page > 1 and (page - 1) * size >= count:
            raise NotFound(f"There is no page {page}: {count} hits make {-(-count // size)} pages.")
        # Only the page's hits are shaped: each kind gave its best `page * size` records.
        lang, folded = requested_language(request), fold(q)
        results = [
            self._hit(kind, record, rank, q=q, folded=folded, lang=lang)
            for rank, kind, record in found[(page - 1) * size : page * size]
        ]
        url = request.build_absolute_uri()
        return Response(
            {
                "count": count,
                "next": replace_query_param(url, "page", page + 1) if page * size < count else None,
                "previous": (
                    None
                    if page == 1
                    else replace_query_param(url, "page", page - 1)
                    if page > 2
                    else remove_query_param(url, "page")
                ),
                "results": SearchHitSerializer(results, many=True).data,
            },
            status=status.HTTP_200_OK,
        )

    def _search(self, kind: str, q: str, words: list[str], limit: int):
        """The best `limit` records of a kind, ranked, with their snippets; and how many match."""
        model, _, text = KINDS[kind]
        is_clause = model is Clause
        queryset = search(model.objects.all(), q, names=not is_clause)
        headline = SearchHeadline(
            F(text),
            text_query(words),
            start_sel="<mark>",
            stop_sel="</mark>",
            max_words=25,
            min_words=10,
        )
        queryset = queryset.annotate(
            snippet=headline,
            total=Window(Count("pk")),  # the count, in the same query
        ).order_by("-search_rank", "pk")
        if is_clause:
            queryset = queryset.select_related("treaty").only(
                "label", "treaty__name", "treaty__names"
            )
        else:
            queryset = queryset.only("slug", "name", "names")
        records = list(queryset[:limit])
        return records, records[0].total if records else 0

    def _hit(self, kind: str, record, rank: float, *, q: str, folded: str, lang: str | None):
        _, basename, _ = KINDS[kind]
        if kind == "clause":
            lookup = {"pk": record.pk}
            name = f"{display_name(record.treaty.name, record.treaty.names, lang)}, {record.label}"
            matched = None
        else:
            lookup = {"slug": record.slug}
            name = display_name(record.name, record.names, lang)
            names = [record.name, *(entry["text"] for entry in record.names)]
            matched = matched_name(names, q, folded)
        return {
            "kind": kind,
            "id": record.pk,
            "slug": None if kind == "clause" else record.slug,
            "name": name,
            "url": self.request.build_absolute_uri(reverse(f"{basename}-detail", kwargs=lookup)),
            "matched": matched,
            "snippet": record.snippet or "",
            "rank": rank,
        }
