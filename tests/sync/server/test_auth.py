"""Auth over real HTTP: tokens, refresh rotation, throttling and locks, revocation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.models import User


def test_sign_in_returns_tokens_and_the_user_with_sites(live_server, login):
    client = login("supervisor")
    me = client.get("/users/me").json()
    assert me["username"] == "supervisor" and me["role"] == "supervisor"
    assert sorted(me["site_ids"]) == sorted(str(s) for s in demo.SITE_IDS.values())
    assert client.tokens["expires_in"] == 900


def test_wrong_password_gets_one_error_shape_in_the_users_language(live_server):
    with live_server.client() as client:
        body = {"username": "tecnico", "password": "nope", "device_id": "d1"}
        spanish = client.post("/auth/token", json=body)
        english = client.post("/auth/token", json=body, headers={"Accept-Language": "en"})
    assert spanish.status_code == 401
    assert spanish.json() == {
        "code": "auth.invalid_credentials",
        "message": "Usuario o contraseña incorrectos.",
        "details": None,
    }
    assert english.json()["message"] == "Wrong username or password."


def test_failed_logins_slow_down_then_lock_the_account(live_server):
    body = {"username": "tecnico", "password": "nope", "device_id": "d1"}
    with live_server.client() as client:
        for _ in range(3):
            assert client.post("/auth/token", json=body).status_code == 401
        slowed = client.post("/auth/token", json=body)
        assert slowed.status_code == 429
        assert slowed.headers["Retry-After"] == "1"
        assert slowed.json()["code"] == "auth.throttled"
        for _ in range(7):
            live_server.clock.advance(minutes=2)
            assert client.post("/auth/token", json=body).status_code == 401
        live_server.clock.advance(minutes=2)
        locked = client.post("/auth/token", json={**body, "password": "tecnico123"})
        assert locked.status_code == 423
        assert locked.json()["code"] == "auth.locked"
        live_server.clock.advance(minutes=16)
        assert (
            client.post("/auth/token", json={**body, "password": "tecnico123"}).status_code == 200
        )


def test_refresh_rotates_and_a_reused_refresh_token_closes_the_family(live_server, login):
    client = login("tecnico", device="tablet-7")
    first = client.tokens["refresh_token"]
    with live_server.client() as anon:
        rotated = anon.post("/auth/refresh", json={"refresh_token": first, "device_id": "tablet-7"})
        assert rotated.status_code == 200
        second = rotated.json()["refresh_token"]
        assert second != first
        wrong_device = anon.post(
            "/auth/refresh", json={"refresh_token": second, "device_id": "other"}
        )
        assert wrong_device.status_code == 401
        reused = anon.post("/auth/refresh", json={"refresh_token": first, "device_id": "tablet-7"})
        assert reused.status_code == 401
        assert reused.json()["code"] == "auth.refresh_reused"
        # The thief's reuse also killed the legitimate newer token.
        after = anon.post("/auth/refresh", json={"refresh_token": second, "device_id": "tablet-7"})
        assert after.status_code == 401


def test_logout_revokes_the_refresh_token(live_server, login):
    client = login("guardia")
    token = client.tokens["refresh_token"]
    assert client.post("/auth/logout", json={"refresh_token": token}).status_code == 204
    again = client.post("/auth/refresh", json={"refresh_token": token, "device_id": "dev-guardia"})
    assert again.status_code == 401


def test_disabled_user_and_revoked_device_stop_at_once(live_server, login):
    tech = login("tecnico")
    assert tech.get("/users/me").status_code == 200
    with Session(live_server.engine) as session, session.begin():
        session.get(User, demo.USER_IDS["tecnico"]).active = False
    stopped = tech.get("/users/me")
    assert stopped.status_code == 401 and stopped.json()["code"] == "auth.user_disabled"

    guard, admin = login("guardia", device="gate-tablet"), login("admin")
    assert guard.post("/auth/devices/other-device/revoke").status_code == 403
    assert admin.post("/auth/devices/gate-tablet/revoke").status_code == 204
    revoked = guard.get("/users/me")
    assert revoked.status_code == 401 and revoked.json()["code"] == "auth.device_revoked"
    with live_server.client() as anon:
        again = anon.post(
            "/auth/token",
            json={"username": "guardia", "password": "guardia123", "device_id": "gate-tablet"},
        )
    assert again.status_code == 401


def test_requests_without_a_valid_token_are_refused(live_server):
    with live_server.client() as client:
        assert client.get("/users/me").status_code == 401
        forged = client.get("/users/me", headers={"Authorization": "Bearer abc.def.ghi"})
    assert forged.status_code == 401
    assert forged.json()["code"] == "auth.token_invalid"


def test_access_tokens_expire_after_15_minutes(live_server, login):
    client = login("tecnico")
    live_server.clock.advance(minutes=14)
    assert client.get("/users/me").status_code == 200
    live_server.clock.advance(minutes=2)
    expired = client.get("/users/me")
    assert expired.status_code == 401
    assert expired.json()["code"] == "auth.token_invalid"
