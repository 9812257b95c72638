"""The training journey's use cases on a real local store: the catalog, quiz drafts kept
answer by answer, hand-in through the outbox, practice quizzes checked on the device, quiz
validation, re-assignment of an expired module, certificates kept, the team matrix."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import ContentType, TrainingStatus
from ker_field.domain.models import TrainingModule, TrainingQuiz, UserTrainingProgress
from ker_field.domain.scopes import tenant_scope
from ker_field.services import training
from ker_field.services.quiz import MalformedQuiz, parse_quiz
from ker_field.store.tables import OutboxEntry, QuizDraft
from sync.protocol import MutationName

HYDRAULIC = demo.demo_id("module", "hydraulic")
INDUCTION = demo.demo_id("module", "induction")
INDUCTION_QUIZ = demo.demo_id("quiz", "induction")


def test_catalog_puts_required_modules_first_with_status_and_warnings(ctx_for, clock):
    tech = training.catalog(ctx_for("tecnico"))
    assert [e.required for e in tech] == [True, True, True, False]
    assert tech[0].module_id == HYDRAULIC and tech[0].status is TrainingStatus.EXPIRED
    statuses = {e.title: e.status for e in tech}
    assert statuses["Seguridad eléctrica y bloqueo"] is TrainingStatus.PASSED
    assert statuses["Inducción de seguridad de planta"] is TrainingStatus.ASSIGNED
    warnings = training.expiry_warnings(ctx_for("tecnico"))
    assert [w.code for w in warnings] == ["training.certificate_expired"]
    # The guard applies no LOTO: only the general module is assigned to him.
    assert [e.module_id for e in training.catalog(ctx_for("guardia"))] == [INDUCTION]
    # 30 days before expiry the certificate warns.
    clock.advance(days=365 - 60 - 20)
    soon = training.expiry_warnings(ctx_for("tecnico"))
    assert "training.certificate_expiring" in [w.code for w in soon]
    electrical = next(e for e in training.catalog(ctx_for("tecnico")) if e.category == "electrical")
    assert electrical.expiring_soon


def test_opening_an_expired_module_reassigns_it_with_a_fresh_round(ctx_for, demo_store):
    tech = ctx_for("tecnico")
    view = training.start_module(tech, HYDRAULIC)
    assert view.status is TrainingStatus.IN_PROGRESS and view.attempts_count == 0
    with demo_store.sessions() as db:
        queued = [e.name for e in db.scalars(select(OutboxEntry))]
    assert queued == [MutationName.TRAINING_START_MODULE]


def test_a_draft_keeps_each_answer_and_hands_in_through_the_outbox(ctx_for, demo_store):
    worker = ctx_for("tecnico2")
    draft = training.open_draft(worker, INDUCTION_QUIZ)
    assert training.open_draft(worker, INDUCTION_QUIZ).id == draft.id  # the same attempt
    training.save_answer(worker, draft.id, "q1", False)
    with pytest.raises(ValueError, match="one option"):
        training.save_answer(worker, draft.id, "q2", "Nada")
    with pytest.raises(ValueError, match="unanswered questions: q2"):
        training.hand_in(worker, draft.id)
    training.save_answer(worker, draft.id, "q2", 0)
    with demo_store.sessions() as db:
        assert db.get(QuizDraft, draft.id).answers == {"q1": False, "q2": 0}
    handed = training.hand_in(worker, draft.id)
    assert handed.pending_grading and handed.attempts_used == 1
    with demo_store.sessions() as db:
        entry = db.scalars(select(OutboxEntry)).one()
    assert entry.name == MutationName.TRAINING_SUBMIT_ATTEMPT
    assert entry.args["id"] == str(draft.id) and entry.args["answers"] == {"q1": False, "q2": 0}
    with pytest.raises(ValueError, match="already handed in"):
        training.save_answer(worker, draft.id, "q1", True)
    entry_view = training.module_entry(worker, INDUCTION)
    assert entry_view.awaiting_grade and entry_view.draft_id is None


def test_no_draft_when_the_module_allows_no_attempt_now(ctx_for):
    with pytest.raises(RuleViolation) as passed:
        training.open_draft(ctx_for("tecnico"), demo.demo_id("quiz", "electrical"))
    assert passed.value.decision.code == "training.already_passed"


def _practice_module(demo_store, questions) -> tuple[uuid.UUID, uuid.UUID]:
    module_id, quiz_id = uuid.uuid4(), uuid.uuid4()
    with demo_store.transaction() as db:
        db.add(
            TrainingModule(
                id=module_id,
                tenant_id=demo.TENANT_ID,
                scope=tenant_scope(demo.TENANT_ID),
                title="Práctica de bloqueo",
                content_type=ContentType.VIDEO,
                practice_only=True,
            )
        )
        db.add(
            TrainingQuiz(
                id=quiz_id,
                tenant_id=demo.TENANT_ID,
                scope=tenant_scope(demo.TENANT_ID),
                module_id=module_id,
                title="Práctica",
                questions=questions,
            )
        )
    return module_id, quiz_id


def test_a_practice_quiz_checks_itself_on_the_device_and_sends_nothing(ctx_for, demo_store):
    module_id, quiz_id = _practice_module(
        demo_store,
        [
            {
                "id": "a",
                "kind": "true_false",
                "text": "¿Se verifica el aislamiento?",
                "answer": True,
            },
            {
                "id": "b",
                "kind": "multiple_choice",
                "text": "¿Qué energías?",
                "options": ["Eléctrica", "Hidráulica", "Ninguna"],
                "answer": [0, 1],
            },
        ],
    )
    worker = ctx_for("tecnico2")
    draft = training.open_draft(worker, quiz_id)
    training.save_answers(worker, draft.id, {"a": True, "b": [1, 0, 1]})
    handed = training.hand_in(worker, draft.id)
    assert handed.practice_score == 100 and not handed.pending_grading
    again = training.open_draft(worker, quiz_id)
    training.save_answers(worker, again.id, {"a": False, "b": [0]})
    assert training.hand_in(worker, again.id).practice_score == 0
    with demo_store.sessions() as db:
        assert db.scalars(select(OutboxEntry)).first() is None
    assert training.module_entry(worker, module_id).practice_only


def test_answer_keys_are_never_shown_for_a_graded_quiz(ctx_for, demo_store):
    with demo_store.transaction() as db:
        quiz = db.get(TrainingQuiz, INDUCTION_QUIZ)
        quiz.questions = [
            dict(q, answer=0 if q["kind"] != "true_false" else False) for q in quiz.questions
        ]
    view = training.load_quiz(ctx_for("tecnico2"), INDUCTION_QUIZ)
    assert all(q.answer is None for q in view.quiz.questions)


@pytest.mark.parametrize(
    ("questions", "where"),
    [
        ("not a list", "not a list"),
        ([], "at least 1"),
        ([{"id": "q1", "kind": "essay", "text": "Explique"}], "#1 (q1)"),
        ([{"id": "q1", "kind": "single_choice", "text": "¿?", "options": ["una"]}], "options"),
        ([{"id": "q1", "kind": "true_false"}], "text"),
        (
            [
                {"id": "q1", "kind": "true_false", "text": "a"},
                {"id": "q1", "kind": "true_false", "text": "b"},
            ],
            "share an id",
        ),
        (
            [
                {
                    "id": "q",
                    "kind": "single_choice",
                    "text": "¿?",
                    "options": ["a", "b"],
                    "answer": 5,
                }
            ],
            "not one of the options",
        ),
    ],
)
def test_malformed_quizzes_are_refused_with_where(questions, where):
    with pytest.raises(MalformedQuiz) as refused:
        parse_quiz(questions)
    assert where in refused.value.detail


def test_the_three_kinds_parse(ctx_for):
    quiz = parse_quiz(
        [
            {"id": "t", "kind": "true_false", "text": "¿Sí?"},
            {"id": "s", "kind": "single_choice", "text": "¿Cuál?", "options": ["a", "b"]},
            {"id": "m", "kind": "multiple_choice", "text": "¿Cuáles?", "options": ["a", "b", "c"]},
        ]
    )
    assert [q.kind.value for q in quiz.questions] == [
        "true_false",
        "single_choice",
        "multiple_choice",
    ]


def test_certificate_kept_with_its_pdf_and_the_team_matrix(ctx_for, demo_store, clock):
    tech = ctx_for("tecnico")
    assert set(training.certificates_to_fetch(tech)) == {
        "CERT-DEMO-ELEC",
        "CERT-DEMO-MECH",
        "CERT-DEMO-HYDR",
    }
    issued = training.IssuedCertificate(
        number="CERT-DEMO-ELEC",
        module_id=demo.demo_id("module", "electrical"),
        person="Pedro Soto",
        module_title="Seguridad eléctrica y bloqueo",
        issued_at=clock.now - timedelta(days=60),
        expires_at=clock.now + timedelta(days=305),
        verify_url="http://server/verify/abc",
    )
    with pytest.raises(ValueError, match="not a PDF"):
        training.keep_certificate(tech, issued, b"<html>error</html>")
    kept = training.keep_certificate(tech, issued, b"%PDF-1.4 demo")
    assert kept.on_device and demo_store.blobs.read(kept.pdf_sha256) == b"%PDF-1.4 demo"
    assert "CERT-DEMO-ELEC" not in training.certificates_to_fetch(tech)

    supervisor = ctx_for("supervisor")
    with demo_store.sessions() as db:
        rows = db.scalars(select(UserTrainingProgress)).all()
        team = [
            training.TeamProgress(
                r.user_id, r.module_id, r.status, r.certificate_expires_at, r.due_at, r.score
            )
            for r in rows
        ]
    matrix = training.training_matrix(supervisor, team)
    tech_id = demo.USER_IDS["tecnico"]
    assert matrix.cell(tech_id, HYDRAULIC).status is TrainingStatus.EXPIRED
    assert [m.category for m in matrix.modules] == ["electrical", "hydraulic", "mechanical"]
    assert "Luis Pérez" not in [p.full_name for p in matrix.people]  # the guard applies no LOTO
    text = training.matrix_csv(matrix, "en")
    assert text.splitlines()[0].startswith("Person,")
    assert "expired (" in text
