namespace ConvSpec.Reporting;

/// <summary>The report's stylesheet, inlined so the page is one file plus its images.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1d2430; --muted: #5b6675; --rule: #dde3ea; --accent: #2f6fb2; --paper: #f6f8fb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
        header { background: #16324f; color: #fff; padding: 28px 48px 18px; }
        header h1 { margin: 0 0 4px; font-size: 28px; font-weight: 650; }
        header p { margin: 0 0 14px; color: #c9d7e6; }
        nav a { color: #fff; text-decoration: none; margin-right: 22px; font-size: 14px; opacity: .85; }
        nav a:hover { opacity: 1; text-decoration: underline; }
        main { max-width: 1180px; margin: 0 auto; padding: 8px 32px 48px; }
        section { background: #fff; border: 1px solid var(--rule); border-radius: 10px; padding: 8px 28px 24px; margin: 24px 0; }
        h2 { font-size: 21px; color: #16324f; border-bottom: 2px solid var(--accent); padding-bottom: 6px; }
        p { max-width: 78ch; }
        .figures { display: flex; flex-wrap: wrap; gap: 22px; align-items: flex-start; margin: 14px 0; }
        figure { margin: 0; flex: 1 1 240px; max-width: 360px; }
        .figures.single figure { max-width: 440px; }
        figure img { width: 100%; border: 1px solid var(--rule); border-radius: 4px; background: #000; }
        figure img.pixelated { image-rendering: pixelated; }
        figcaption { font-size: 13.5px; color: var(--muted); margin-top: 6px; }
        table { border-collapse: collapse; margin: 14px 0; font-size: 14px; font-variant-numeric: tabular-nums; }
        .note { color: var(--muted); font-size: 13.5px; margin-bottom: 4px; }
        .table-wrap { overflow-x: auto; }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 14px 5px 0; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        th { color: var(--muted); font-weight: 600; }
        pre { background: #0f1b2a; color: #e3edf7; padding: 14px 18px; border-radius: 8px; overflow-x: auto; font-size: 13px; line-height: 1.4; }
        .key-figures { display: flex; gap: 18px; flex-wrap: wrap; margin: 14px 0; }
        .key-figures div { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 10px 18px; min-width: 150px; }
        .key-figures .value { display: block; font-size: 24px; font-weight: 650; color: #16324f; font-variant-numeric: tabular-nums; }
        .key-figures .label { display: block; font-size: 13px; color: var(--muted); }
        """;
}
