"""Errors the fake answers with, in the JSON shape of Google's APIs."""

from __future__ import annotations

from typing import Any

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

# Messages copied from recorded answers where the cassettes have them (400, 403, 404), else from
# answers that users of the real API have published (429, 500, 503).
DEFAULT_MESSAGES = {
    400: "Request contains an invalid argument.",
    401: "Request is missing required authentication credential.",
    403: "The caller does not have permission",
    404: "Requested entity was not found.",
    500: "Internal error encountered.",
    502: "The service is currently unavailable.",
    503: "The service is currently unavailable.",
    504: "The request timed out.",
}


class ApiError(Exception):
    """An error answer: HTTP status plus Google's `{"error": {code, message, status}}` body."""

    def __init__(
        self,
        code: int,
        message: str | None = None,
        *,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.code = code
        self.extra = extra or {}
        self.message = message if message is not None else DEFAULT_MESSAGES.get(code, "Error.")
        self.details = details
        self.headers = headers or {}
        super().__init__(f"{code}: {self.message}")

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "status": STATUS_NAMES.get(self.code, "UNKNOWN"),
        }
        if self.details:
            error["details"] = self.details
        error.update(self.extra)
        return {"error": error}


class RequestError(Exception):
    """A request of a batchUpdate that cannot be applied; the batch wraps it into a 400."""


def invalid(message: str) -> ApiError:
    return ApiError(400, message)


def invalid_value(field: str, value: Any, proto: str = "google.protobuf.ListValue") -> ApiError:
    """The 400 the API gives when a JSON field has the wrong type, as recorded for `"values": "X"`."""
    rendered = value if isinstance(value, str) else repr(value)
    message = f"Invalid value at '{field}' (type.googleapis.com/{proto}), \"{rendered}\""
    violation = {"field": field, "description": message}
    details = [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [violation]}]
    return ApiError(400, message, details=details)


def unknown_field(name: str, where: str) -> ApiError:
    """The 400 for a JSON key the API does not know, such as an unsupported request kind."""
    message = f"Invalid JSON payload received. Unknown name \"{name}\" at '{where}': Cannot find field."
    violation = {"field": where, "description": message}
    details = [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [violation]}]
    return ApiError(400, message, details=details)


def quota_exceeded(write: bool, retry_after: float | None = None) -> ApiError:
    """The 429 the Sheets API answers once the per-minute read or write quota is used up."""
    kind = "Write" if write else "Read"
    message = (
        f"Quota exceeded for quota metric '{kind} requests' and limit '{kind} requests per minute "
        f"per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'."
    )
    details = [
        {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RATE_LIMIT_EXCEEDED",
            "domain": "googleapis.com",
            "metadata": {
                "service": "sheets.googleapis.com",
                "quota_metric": f"sheets.googleapis.com/{kind.lower()}_requests",
                "quota_limit": f"{kind}RequestsPerMinutePerUser",
                "consumer": "projects/123456789012",
            },
        }
    ]
    headers = {} if retry_after is None else {"Retry-After": _seconds(retry_after)}
    return ApiError(429, message, details=details, headers=headers)


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def drive_not_found(file_id: str) -> ApiError:
    """Drive's 404, which unlike the Sheets API's carries an `errors` list."""
    message = f"File not found: {file_id}."
    reason = {"message": message, "domain": "global", "reason": "notFound", "location": "fileId"}
    return ApiError(404, message, extra={"errors": [{**reason, "locationType": "parameter"}]})
