"""A module's material shown in the app: PDF (QtPdf) and video (QtMultimedia), from the
blob store. Both Qt modules are loaded only when a module is opened; where one (or the
video backend) is missing, the pane says so instead of failing."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def _module(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class PdfPane(QWidget):
    """A PDF file, page after page, fitted to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Any = None
        self.view: Any = None
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.message)

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount()) if self.document is not None else 0

    def load(self, path: Path) -> bool:
        """Show the file; False (and a message) when it cannot be shown."""
        pdf = _module("PySide6.QtPdf")
        widgets = _module("PySide6.QtPdfWidgets")
        if pdf is None or widgets is None:
            self._fail(self.tr("Este equipo no tiene el visor de PDF (QtPdf) instalado."))
            return False
        if self.document is None:
            self.document = pdf.QPdfDocument(self)
            self.view = widgets.QPdfView(self)
            self.view.setPageMode(widgets.QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(widgets.QPdfView.ZoomMode.FitToWidth)
            self.view.setDocument(self.document)
            self._layout.addWidget(self.view, 1)
        error = self.document.load(str(path))
        if error != pdf.QPdfDocument.Error.None_:
            self._fail(self.tr("No se pudo abrir el documento PDF (está dañado o incompleto)."))
            return False
        self.message.hide()
        self.view.show()
        return True

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        if self.view is not None:
            self.view.hide()

    def close_document(self) -> None:
        if self.document is not None:
            self.document.close()


class VideoPane(QWidget):
    """A video file with play/pause; a clear message where video cannot play here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player: Any = None
        self.audio: Any = None
        self.video: Any = None
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.play_button = QPushButton()
        self.play_button.setObjectName("primary")
        self.play_button.clicked.connect(self.toggle)
        self.play_button.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addStretch(1)
        self._layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        playing = self.player is not None and self._playing()
        self.play_button.setText(self.tr("Pausa") if playing else self.tr("Reproducir"))

    def _playing(self) -> bool:
        state = self.player.playbackState()
        return bool(state == type(self.player).PlaybackState.PlayingState)

    def load(self, path: Path) -> bool:
        multimedia = _module("PySide6.QtMultimedia")
        widgets = _module("PySide6.QtMultimediaWidgets")
        if multimedia is None or widgets is None:
            self._fail(
                self.tr(
                    "Este equipo no puede reproducir video (falta QtMultimedia). "
                    "Pida a soporte que lo instale o vea el material en otro equipo."
                )
            )
            return False
        if self.player is None:
            self.player = multimedia.QMediaPlayer(self)
            if not self.player.isAvailable():
                self._fail(self.tr("Este equipo no tiene un reproductor de video disponible."))
                return False
            self.audio = multimedia.QAudioOutput(self)
            self.player.setAudioOutput(self.audio)
            self.video = widgets.QVideoWidget(self)
            self.player.setVideoOutput(self.video)
            self.player.errorOccurred.connect(self._error)
            self.player.playbackStateChanged.connect(self.retranslate)
            self._layout.insertWidget(1, self.video, 1)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.message.hide()
        self.play_button.show()
        return True

    def _error(self, *_args: object) -> None:
        self._fail(
            self.tr("No se pudo reproducir el video: {error}").format(
                error=self.player.errorString()
            )
        )

    def toggle(self) -> None:
        if self.player is None:
            return
        if self._playing():
            self.player.pause()
        else:
            self.player.play()

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.play_button.hide()
        if self.video is not None:
            self.video.hide()

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
