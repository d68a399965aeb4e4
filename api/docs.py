"""The API's reference page, rendered by the server from the same OpenAPI schema that
/api/schema/ serves: one page in the site's own template (its landmarks, language, focus
styles and contrast), readable without a script and offline. Swagger UI needed a 430 KB
render-blocking bundle and failed axe on contrast, nesting and landmarks."""

import functools
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")
NO_NUL = ("^[^\\x00]*$", "^[^\\u0000]*$")  # as the serializers and the pagination write it
REF = "#/components/schemas/"


@dataclass
class Field:
    name: str
    type: str
    required: bool
    description: str
    rules: list[str]
    anchor: str = ""  # the schema a type names, to link to
    choices: list[str] = field(default_factory=list)  # an enum's values, as the API writes them


@dataclass
class Response:
    status: str
    type: str
    anchor: str


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list[Field]
    body: str
    body_anchor: str
    responses: list[Response]


@dataclass
class Group:
    name: str
    anchor: str
    operations: list[Operation] = field(default_factory=list)
    title: str = ""


# Each resource's name in words, for its heading (the address says the name as it is).
RESOURCES = {
    "companies": gettext_noop("Companies"),
    "contacts": gettext_noop("Contacts"),
    "applications": gettext_noop("Applications"),
    "interviews": gettext_noop("Interviews"),
    "reminders": gettext_noop("Reminders"),
    "plans": gettext_noop("Plans"),
    "journal": gettext_noop("Journal"),
    "incidents": gettext_noop("Incident notes"),
    "feedback": gettext_noop("Feedback requests"),
    "inbox": gettext_noop("Inbox"),
}


@dataclass
class Schema:
    name: str
    anchor: str
    description: str
    fields: list[Field]
    choices: list[str]


def _anchor(name: str) -> str:
    return "schema-" + slugify(name)


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref", "")
    return ref.removeprefix(REF) if ref.startswith(REF) else None


def describe(schema: dict[str, Any]) -> tuple[str, str]:
    """A type in words ("integer", "list of Company", "StatusEnum or null") and the anchor of
    the schema it names, if one."""
    name = _ref_name(schema)
    if name:
        return name, _anchor(name)
    for combinator in ("oneOf", "anyOf", "allOf"):
        if combinator in schema:
            parts = [describe(s) for s in schema[combinator]]
            words = _(" or ").join(dict.fromkeys(p[0] for p in parts))
            anchor = next((p[1] for p in parts if p[1]), "")
            return words + (_(" or null") if schema.get("nullable") else ""), anchor
    kind = schema.get("type", "any")
    if kind == "array":
        item, anchor = describe(schema.get("items", {}))
        return _("list of %(item)s") % {"item": item}, anchor
    if "format" in schema:
        kind = f"{kind} ({schema['format']})"
    return kind + (_(" or null") if schema.get("nullable") else ""), ""


# The serializers' docstrings drf-spectacular prints as their schemas' descriptions, marked
# here for the catalogue so the page can say them in the reader's language.
DOCSTRINGS = (
    gettext_noop("A new application, or the fields to change (PATCH: any of them)."),
    gettext_noop("A request body. A field not listed here is refused (400, code unknown_field)."),
    gettext_noop("The list's query string (always text, so numbers come as digits)."),
)


def _description(schema: dict[str, Any]) -> str:
    return _without_choices(schema.get("description", ""))


def _without_choices(text: str) -> str:
    # drf-spectacular appends an enum's choices as a Markdown list; the rules list them.
    text = text.split("\n\n*")[0]
    return "" if text.startswith("* `") else _(text) if text else ""


def choices(schema: dict[str, Any]) -> list[str]:
    return [repr(v) if v == "" else str(v) for v in schema.get("enum", [])]


def rules(schema: dict[str, Any]) -> list[str]:
    said = []
    if schema.get("minLength") == 1:
        said.append(_("not empty"))
    elif "minLength" in schema:
        said.append(_("at least %(n)s characters") % {"n": schema["minLength"]})
    if schema.get("pattern") in NO_NUL:
        said.append(_("no NUL character"))
    elif "pattern" in schema:
        said.append(_("matches %(pattern)s") % {"pattern": schema["pattern"]})
    for key, words in (
        ("maxLength", _("at most %(n)s characters")),
        ("minimum", _("from %(n)s")),
        ("maximum", _("up to %(n)s")),
        ("minItems", _("at least %(n)s items")),
        ("maxItems", _("at most %(n)s items")),
        ("default", _("default %(n)s")),
    ):
        if key in schema:
            said.append(words % {"n": schema[key]})
    if schema.get("readOnly"):
        said.append(_("read only"))
    return said


def _field(name: str, schema: dict[str, Any], required: bool) -> Field:
    blank = {"type": "string", "maxLength": 0}
    alternatives = schema.get("oneOf", [])
    if blank in alternatives and len(alternatives) == 2:
        # drf-spectacular's way of saying "or an empty string": say it in words.
        (main,) = (a for a in alternatives if a != blank)
        kind, anchor = describe(main)
        said = rules({**main, "readOnly": schema.get("readOnly")})
        kind = _("%(kind)s or empty") % {"kind": kind}
        return Field(name, kind, required, _description(schema), said, anchor, choices(main))
    kind, anchor = describe(schema)
    return Field(name, kind, required, _description(schema), rules(schema), anchor, choices(schema))


def _parameter(parameter: dict[str, Any]) -> Field:
    found = _field(parameter["name"], parameter.get("schema", {}), parameter.get("required", False))
    found.description = found.description or _without_choices(parameter.get("description", ""))
    where = {"query": _("in the query"), "path": _("in the path"), "header": _("in the header")}
    found.rules.insert(0, where.get(parameter["in"], f"in the {parameter['in']}"))
    return found


def _body(operation: dict[str, Any]) -> tuple[str, str]:
    content = operation.get("requestBody", {}).get("content", {})
    media = content.get("application/json")
    return describe(media["schema"]) if media else ("", "")


def _responses(operation: dict[str, Any]) -> list[Response]:
    out = []
    for status, response in operation.get("responses", {}).items():
        media = response.get("content", {}).get("application/json")
        kind, anchor = describe(media["schema"]) if media else (_("no body"), "")
        out.append(Response(status, kind, anchor))
    return out


def outline(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema as the page shows it: operations grouped by resource, then the schemas."""
    groups: dict[str, Group] = {}
    for path, item in schema["paths"].items():
        resource = path.removeprefix("/api/v1/").split("/")[0]
        group = groups.setdefault(
            resource,
            Group(
                resource,
                "resource-" + slugify(resource),
                title=_(RESOURCES[resource]) if resource in RESOURCES else resource,
            ),
        )
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            body, body_anchor = _body(op)
            group.operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    anchor="op-" + op["operationId"].replace("_", "-"),
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=[_parameter(p) for p in op.get("parameters", [])],
                    body=body,
                    body_anchor=body_anchor,
                    responses=_responses(op),
                )
            )
    schemas = []
    for name, component in schema["components"]["schemas"].items():
        required = set(component.get("required", []))
        schemas.append(
            Schema(
                name=name,
                anchor=_anchor(name),
                description=_description(component),
                fields=[
                    _field(key, value, key in required)
                    for key, value in component.get("properties", {}).items()
                ],
                choices=choices(component),
            )
        )
    return {"info": schema["info"], "groups": list(groups.values()), "schemas": schemas}


# The schema's description (settings.SPECTACULAR_SETTINGS), marked here for the catalogue so
# the page can say it in the reader's language.
DESCRIPTION = gettext_noop(
    "Your job search in Rebound, for scripts and tools. Every query is yours only; errors "
    'come as {"errors": [{"field", "code", "message"}]}. See docs/api.md.'
)


@functools.cache
def _page_outline(language: str) -> dict[str, Any]:
    # The schema is fixed for a running process: built once per language (its summaries and
    # descriptions are translated), as drf-spectacular's view would.
    page = outline(SchemaGenerator().get_schema(request=None, public=True))
    info = page["info"]
    page["info"] = {**info, "description": _(info.get("description", ""))}
    return page


def api_docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html", _page_outline(get_language()))
