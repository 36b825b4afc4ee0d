"""Server-rendered SVG bar charts: no script, a title and description for assistive
technology, and presentation attributes only (the Content-Security-Policy allows no
inline styles). The same numbers are always shown in a table beside the chart."""

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

# Drawn at its own size (width and height in CSS pixels, never scaled down), so its
# text is FONT px as displayed; a narrow screen scrolls the figure instead.
WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 76, 12, 14, 62
FONT = 14
BAR = "#005ea2"  # USWDS primary
INK = "#1b1b1b"
GRID = "#dfe1e2"


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[tuple[str, int]],
    x_label: str = "",
    y_label: str = "",
) -> Markup:
    """A vertical bar chart of ``bars`` (label, value), in order, as inline SVG, with
    its axes named ``x_label`` (below) and ``y_label`` (turned, on the left).

    ``chart_id`` must be unique on the page; the <title> and <desc> get ids from it and
    the <svg> is labelled by both (role="img").
    """
    cid = escape(chart_id)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    peak = max((value for _, value in bars), default=0)
    scale_top = _nice_ceiling(peak)
    text = f'font-size="{FONT}" font-family="Source Sans Pro Web, Helvetica, Arial, sans-serif"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stats-chart" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(description)}</desc>',
    ]
    # Axis: zero, half and top of the scale.
    for fraction in (0, 0.5, 1):
        y = TOP + plot_h - plot_h * fraction
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID if fraction else INK}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 5:.1f}" text-anchor="end" {text} '
            f'fill="{INK}">{_short(int(scale_top * fraction))}</text>'
        )
    if bars:
        slot = plot_w / len(bars)
        width = max(slot * 0.8, 1)
        # Room for a label of about five characters under every label_every-th bar.
        label_every = max(1, math.ceil(FONT * 3.5 / slot))
        for index, (label, value) in enumerate(bars):
            h = plot_h * value / scale_top if scale_top else 0
            x = LEFT + index * slot + (slot - width) / 2
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{width:.1f}" '
                f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}: {value:,}</title></rect>'
            )
            if index % label_every == 0:
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{TOP + plot_h + FONT + 4}" '
                    f'text-anchor="middle" {text} fill="{INK}">{escape(label)}</text>'
                )
    if x_label:
        parts.append(
            f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" {text} '
            f'font-weight="700" fill="{INK}">{escape(x_label)}</text>'
        )
    if y_label:
        middle = TOP + plot_h / 2
        parts.append(
            f'<text x="{FONT + 2}" y="{middle:.1f}" text-anchor="middle" {text} '
            f'font-weight="700" fill="{INK}" transform="rotate(-90 {FONT + 2} {middle:.1f})">'
            f"{escape(y_label)}</text>"
        )
    parts.append("</svg>")
    # Every value from outside (ids, titles, labels) went through escape() above.
    return Markup("".join(parts))  # noqa: S704


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 × 10^n at or above ``value`` (so the axis reads easily)."""
    if value <= 0:
        return 1
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10


def _short(value: int) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1_000:
        return f"{value / 1_000:g}k"
    return str(value)


def day_chart(
    chart_id: str, title: str, description: str, days, attribute: str, y_label: str = ""
) -> Markup:
    """Bars of one attribute of stats.DayTotals per day, labelled MM-DD."""
    return bar_chart(
        chart_id,
        title,
        description,
        [(f"{d.day:%m-%d}", getattr(d, attribute)) for d in days],
        "Day (UTC, month-day)",
        y_label,
    )


def count_chart(
    chart_id: str, title: str, description: str, counts, x_label: str = "", y_label: str = ""
) -> Markup:
    """Bars of stats.Count rows, in the order given."""
    return bar_chart(
        chart_id, title, description, [(c.label, c.hits) for c in counts], x_label, y_label
    )
