"""What drf-spectacular can't see in the serializers by itself."""

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension


class InputBodies(OpenApiSerializerExtension):
    """A request body refuses fields it doesn't know (api.serializers.Input): say so, so a
    client's generated types and a fuzzer agree with the server."""

    target_class = "api.serializers.Input"
    match_subclasses = True

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema = auto_schema._map_basic_serializer(self.target, direction)
        schema["additionalProperties"] = False
        return schema
