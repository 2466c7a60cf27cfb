"""Texts of the page anatomy added for the lecture hall: presenter view, compact Try this, more prose."""

TEXT = {
    "ui.present": {"en": "Presenter view", "ko": "발표 화면"},
    "ui.present_help": {
        "en": "For a projector: hides the sidebar, the code and long prose, enlarges chart text and gives the "
        "main chart the full width. Kept in the link (?present=true).",
        "ko": "프로젝터용 화면입니다. 사이드바, 코드, 긴 설명을 숨기고 차트 글자를 키우며 주요 차트를 전체 폭으로 "
        "보여 줍니다. 링크에도 남습니다(?present=true).",
    },
    "ui.try_pick": {"en": "Experiment", "ko": "실험"},
    "ui.try_now": {"en": "Now showing: {name}", "ko": "지금 보는 실험: {name}"},
    "ui.more": {"en": "More about this idea", "ko": "조금 더 알아보기"},
    "ui.busy": {"en": "Computing…", "ko": "계산 중…"},  # a run that has lasted 0.5 s (ui/page.py BUSY_STYLE)
}
