"""The questions of a quiz, as the device reads them (pydantic): single choice, multiple
choice, true/false. A quiz that does not fit is refused with the reason, never half-shown.

Answer keys stay on the server. Only a practice-only module's quiz carries ``answer`` on
each question, so the device can check it by itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from ker_field.domain.rules import training as rules

QuestionId = Annotated[str, StringConstraints(min_length=1, max_length=64, strip_whitespace=True)]
Words = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Option = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"


class _Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: QuestionId
    text: Words


class TrueFalseQuestion(_Question):
    kind: Literal[QuestionKind.TRUE_FALSE]
    answer: bool | None = None


class SingleChoiceQuestion(_Question):
    kind: Literal[QuestionKind.SINGLE_CHOICE]
    options: list[Option] = Field(min_length=2, max_length=12)
    answer: int | None = None

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> SingleChoiceQuestion:
        if self.answer is not None and not 0 <= self.answer < len(self.options):
            raise ValueError("the answer is not one of the options")
        return self


class MultipleChoiceQuestion(_Question):
    kind: Literal[QuestionKind.MULTIPLE_CHOICE]
    options: list[Option] = Field(min_length=2, max_length=12)
    answer: list[int] | None = None

    @model_validator(mode="after")
    def _answers_are_options(self) -> MultipleChoiceQuestion:
        if self.answer is not None and not all(0 <= a < len(self.options) for a in self.answer):
            raise ValueError("an answer is not one of the options")
        return self


Question = Annotated[
    TrueFalseQuestion | SingleChoiceQuestion | MultipleChoiceQuestion,
    Field(discriminator="kind"),
]

AnswerValue = bool | int | list[int]


class Quiz(BaseModel):
    model_config = ConfigDict(frozen=True)

    questions: list[Question] = Field(min_length=1, max_length=200)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Quiz:
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError("two questions share an id")
        return self

    def question(
        self, question_id: str
    ) -> TrueFalseQuestion | SingleChoiceQuestion | MultipleChoiceQuestion:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    @property
    def self_checking(self) -> bool:
        return all(q.answer is not None for q in self.questions)


class MalformedQuiz(Exception):
    """The quiz's questions do not fit the schema; ``detail`` says where."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _where(error: Mapping[str, Any], questions: Sequence[Any]) -> str:
    loc = [p for p in error.get("loc", ()) if p != "questions"]
    place = ""
    if loc and isinstance(loc[0], int):
        number = loc[0] + 1
        item = questions[loc[0]] if loc[0] < len(questions) else None
        name = item.get("id") if isinstance(item, dict) else None
        place = f"#{number}" + (f" ({name})" if name else "")
    field = ".".join(str(p) for p in loc[1:] if not str(p).endswith("Question"))
    parts = [p for p in (place, field) if p]
    return f"{' '.join(parts)}: {error.get('msg', '')}" if parts else str(error.get("msg", ""))


def parse_quiz(questions: object) -> Quiz:
    """The questions as a :class:`Quiz`, or :class:`MalformedQuiz` saying what is wrong."""
    if not isinstance(questions, list):
        raise MalformedQuiz("questions is not a list")
    try:
        return Quiz.model_validate({"questions": questions})
    except ValidationError as exc:
        first: Mapping[str, Any] = exc.errors()[0]
        raise MalformedQuiz(_where(first, questions)) from None


def valid_answer(
    question: TrueFalseQuestion | SingleChoiceQuestion | MultipleChoiceQuestion, value: object
) -> AnswerValue:
    """Check an answer against its question (ValueError when it does not fit)."""
    if isinstance(question, TrueFalseQuestion):
        if not isinstance(value, bool):
            raise ValueError("true or false expected")
        return value
    if isinstance(question, SingleChoiceQuestion):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("one option expected")
        if not 0 <= value < len(question.options):
            raise ValueError("not an option")
        return value
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise ValueError("a list of options expected")
    if not all(0 <= v < len(question.options) for v in value):
        raise ValueError("not an option")
    return sorted(set(value))


def self_check(quiz: Quiz, answers: Mapping[str, object]) -> int:
    """Score of a practice quiz (its questions carry their answers), as the server would."""
    key: dict[str, object] = {q.id: q.answer for q in quiz.questions if q.answer is not None}
    correct, total = rules.grade_answers(key, answers)
    return rules.score_percent(correct, total)
