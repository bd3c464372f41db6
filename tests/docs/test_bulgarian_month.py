"""The README's month with a Bulgarian plan: init, import, check, review and report say everything in
Bulgarian, with Bulgarian numbers, months and sheet names."""

from __future__ import annotations

import glob
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from plan_builder import pretend_today

from sheetplan.cli import cli

TODAY = date(2026, 12, 1)
NBSP = "\xa0"
EXPORTS = "Nov-01-2026_Nov-30-2026_104938271650432.csv, Nov-01-2026_Nov-30-2026_instagram.csv, x-posts.csv"
MONTH = [
    (
        "init --example --lang bg --exports exports план.xlsx",
        "Записан е план.xlsx: 14 листа, 12 месеца от 2026-08 до 2027-07, примерен план с реални резултати"
        " за 2026-08 до 2026-11, на български.\n"
        "Следва:\n"
        "  1. Отворете го: листът „Ръководство“ обяснява плана; другите листове съдържат примера.\n"
        "  2. Проверете го:   sheetplan check 'план.xlsx'\n"
        "  3. Прегледайте го:  sheetplan review 'план.xlsx'\n"
        "Записани са 6 файла с експорти за 2026-11 в exports; внесете ги с:\n"
        "  sheetplan import 'план.xlsx' exports/*\n",
    ),
    (
        "import план.xlsx exports/*",
        "план.xlsx: прочетени са 6 файла с експорти\n"
        "  Показател  Месец    Старо      Ново  Състояние  От\n"
        f"  M1         2026-11      —  →  1{NBSP}038  попълнено  ga4.csv\n"
        f"  M2         2026-11      —  →     58  попълнено  {EXPORTS}\n"
        f"  M3         2026-11      —  →  2{NBSP}945  попълнено  inbox-and-followers.csv\n"
        "  M5         2026-11      —  →     34  попълнено  ga4.csv\n"
        "  M6         2026-11      —  →      6  попълнено  crm-leads.csv\n"
        "  M8         2026-11      —  →    4,6  попълнено  inbox-and-followers.csv\n"
        "  M9         2026-11      —  →     19  попълнено  inbox-and-followers.csv\n"
        "  Резултати  7 попълнено\n"
        "  Публикации 58 добавени, 0 обновени\n"
        "  Бележка: сборовете на публикациите в Nov-01-2026_Nov-30-2026_104938271650432.csv и"
        " Nov-01-2026_Nov-30-2026_instagram.csv са за целия им живот към деня на изтеглянето, не за месеца.\n"
        "  Не е даден файл с LinkedIn content: редовете от „Източници“, които вземат от тях,"
        " не дадоха нищо.\n"
        "  Записани са Резултати, Публикации и Дневник на импорта в план.xlsx (файлът отпреди е запазен като"
        " план.bak.xlsx).\n",
    ),
    ("check план.xlsx", "план.xlsx: не са открити проблеми.\n"),
    (
        "review план.xlsx",
        "План за социалните мрежи на Кафе Лазур: преглед за ноември 2026\n"
        "  Показатели    4 в график · 3 под риск · 3 извън график · 0 няма данни\n"
        "  Извън график  M5 Онлайн поръчки от социалните мрежи -29,2%; M6 Запитвания от LinkedIn -45,5%;"
        " M9 Съобщения без отговор в края на месеца +26,7%\n"
        "  Под риск      M2 Публикувани публикации -14,7%; M4 Ангажираност -21,2%; M7 Цена на запитване"
        " +35,0%\n"
        "  Просрочени    2 действия: Георги Димитров A6; Мария Иванова A5\n"
        f"  Бюджет        похарчени 2{NBSP}090,00 от 5{NBSP}490,00 EUR (38%)\n"
        "Записани са листът „Преглед 2026-11“ и „Дневник на прегледите“ в план.xlsx (предишната версия е в"
        " план.bak.xlsx).\n",
    ),
    (
        "report план.xlsx",
        re.compile(r"Записани са план\.review-2026-11\.html \(\d+ KB\): прегледът за 2026-11\.\n"),
    ),
]


def test_a_bulgarian_teams_month_is_all_in_bulgarian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_today(monkeypatch, TODAY)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")  # the plan's language, not the machine's, decides
    for line, expected in MONTH:
        words = [
            found for word in line.split() for found in (sorted(glob.glob(word)) if "*" in word else [word])
        ]
        result = CliRunner().invoke(cli, words)
        assert (result.exit_code, result.stderr) == (0, ""), f"{line}\n{result.output}"
        if isinstance(expected, str):
            assert result.stdout == expected, line
        else:
            assert expected.fullmatch(result.stdout), result.stdout
