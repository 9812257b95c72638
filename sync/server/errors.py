"""One JSON shape for every error: ``{"code", "message", "details"}``, in the caller's language."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ker_field.domain.decision import MESSAGES, Decision, define
from ker_field.domain.labels import Lang

INVALID_CREDENTIALS = define(
    "auth.invalid_credentials",
    es="Usuario o contraseña incorrectos.",
    en="Wrong username or password.",
)
THROTTLED = define(
    "auth.throttled",
    es="Demasiados intentos fallidos: espere {seconds} segundos.",
    en="Too many failed attempts: wait {seconds} seconds.",
)
LOCKED = define(
    "auth.locked",
    es="La cuenta está bloqueada por intentos fallidos hasta las {until} UTC.",
    en="The account is locked after failed attempts until {until} UTC.",
)
DISABLED = define(
    "auth.user_disabled",
    es="La cuenta está desactivada.",
    en="The account is disabled.",
)
TOKEN_INVALID = define(
    "auth.token_invalid",
    es="La sesión no es válida o venció: inicie sesión de nuevo.",
    en="The session is not valid or has expired: sign in again.",
)
TOKEN_REUSED = define(
    "auth.refresh_reused",
    es="Se reutilizó una credencial de sesión: por seguridad se cerraron las sesiones de este equipo.",
    en="A session credential was reused: for safety this device's sessions were closed.",
)
DEVICE_REVOKED = define(
    "auth.device_revoked",
    es="Este equipo fue dado de baja: pida a un administrador que lo habilite.",
    en="This device was revoked: ask an administrator to enable it.",
)
FORBIDDEN = define(
    "auth.forbidden",
    es="No tiene permiso para esto.",
    en="You are not allowed to do this.",
)
SCOPE_FORBIDDEN = define(
    "auth.scope_forbidden",
    es="Esa información no pertenece a sus instalaciones.",
    en="That information does not belong to your sites.",
)
NOT_FOUND = define(
    "api.not_found",
    es="No se encontró {what}.",
    en="{what} was not found.",
)
VALIDATION = define(
    "api.validation_error",
    es="La solicitud tiene datos no válidos.",
    en="The request has invalid data.",
)
INTERNAL = define(
    "api.internal_error",
    es="Error interno del servidor; el equipo de soporte fue notificado.",
    en="Internal server error; support has been notified.",
)
HTTP_ERROR = define(
    "api.http_error",
    es="La solicitud no se pudo atender ({status}).",
    en="The request could not be served ({status}).",
)


def request_lang(request: Request) -> Lang:
    header = request.headers.get("accept-language", "")
    return "en" if header.lower().startswith("en") else "es"


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        details: Any = None,
        headers: dict[str, str] | None = None,
        **params: object,
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.details, self.headers, self.params = (
            status,
            code,
            details,
            headers,
            params,
        )

    def message(self, lang: Lang) -> str:
        return MESSAGES[self.code][lang].format(**self.params)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details}


def decision_body(decision: Decision, lang: Lang) -> dict[str, Any]:
    reasons = [{"code": r.code, "message": r.message(lang)} for r in decision.refusals]
    return error_body(decision.code, " ".join(r["message"] for r in reasons), {"reasons": reasons})


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        body = error_body(exc.code, exc.message(request_lang(request)), exc.details)
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": list(err.get("loc", ())), "msg": err.get("msg"), "type": err.get("type")}
            for err in exc.errors()
        ]
        message = MESSAGES[VALIDATION][request_lang(request)]
        return JSONResponse(error_body(VALIDATION, message, details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        message = MESSAGES[HTTP_ERROR][lang].format(status=exc.status_code)
        return JSONResponse(
            error_body(HTTP_ERROR, message, exc.detail),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        message = MESSAGES[INTERNAL][request_lang(request)]
        return JSONResponse(error_body(INTERNAL, message), status_code=500)
