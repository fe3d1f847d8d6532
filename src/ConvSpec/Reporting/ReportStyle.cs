namespace ConvSpec.Reporting;

/// <summary>The report's stylesheets, inlined so each page is one file plus its images.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1d2430; --muted: #4f5a68; --rule: #dde3ea; --accent: #2f6fb2; --paper: #f6f8fb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
        header { background: #16324f; color: #fff; padding: 28px 48px 18px; }
        header h1 { margin: 0 0 4px; font-size: 30px; font-weight: 650; }
        header p { margin: 0 0 14px; color: #c9d7e6; }
        header a, nav a { color: #fff; }
        nav a { text-decoration: none; margin-right: 22px; font-size: 15px; opacity: .85; }
        nav a:hover { opacity: 1; text-decoration: underline; }
        main { max-width: 1200px; margin: 0 auto; padding: 8px 24px 48px; }
        section { background: #fff; border: 1px solid var(--rule); border-radius: 10px; padding: 8px 28px 24px; margin: 24px 0; }
        h2 { font-size: 23px; color: #16324f; border-bottom: 2px solid var(--accent); padding-bottom: 6px; }
        h3 { font-size: 18px; color: #16324f; margin: 26px 0 6px; }
        p { max-width: 82ch; }
        a { color: var(--accent); }
        .figures { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; margin: 16px 0; }
        figure { margin: 0; }
        figure img { display: block; max-width: none; border: 1px solid var(--rule); background: #000; }
        img.pixelated { image-rendering: pixelated; }
        figcaption { font-size: 14.5px; color: var(--muted); margin-top: 6px; }
        .equation { display: flex; align-items: center; justify-content: center; gap: 32px; margin: 14px 0; font-size: 20px; }
        .equation .eq-ref { font-size: 14px; white-space: nowrap; }
        math { font-size: 1.05em; }
        mtable.bracketed { border-left: 2px solid; border-right: 2px solid; border-radius: 3px; padding: 0 4px; margin: 0 4px; }
        mtable.bracketed mtd { padding: 1px 6px; text-align: right; }
        td.text, th.text { text-align: left; }
        table { border-collapse: collapse; margin: 14px 0; font-size: 15px; font-variant-numeric: tabular-nums; }
        .note { color: var(--muted); font-size: 14.5px; margin-bottom: 4px; }
        .table-wrap { overflow-x: auto; }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 14px 5px 0; text-align: right; vertical-align: top; }
        th:first-child, td:first-child { text-align: left; }
        th { color: var(--muted); font-weight: 600; }
        table.counts caption { caption-side: bottom; text-align: left; font-size: 14.5px; color: var(--muted); padding-top: 6px; }
        table.counts td { text-align: center; padding: 6px 4px; min-width: 54px; border: 1px solid #fff; }
        table.counts th { text-align: center; padding: 6px 8px; }
        pre { background: #0f1b2a; color: #e3edf7; padding: 14px 18px; border-radius: 8px; overflow-x: auto; font-size: 14px; line-height: 1.4; }
        .key-figures { display: flex; gap: 18px; flex-wrap: wrap; margin: 14px 0; }
        .key-figures div { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 10px 18px; min-width: 150px; }
        .key-figures .value { display: block; font-size: 26px; font-weight: 650; color: #16324f; font-variant-numeric: tabular-nums; }
        .key-figures .label { display: block; font-size: 14px; color: var(--muted); }
        .tiles { margin: 16px 0; }
        .tile-grid { display: flex; flex-wrap: wrap; gap: 12px 14px; }
        .tile { display: flex; flex-direction: column; align-items: center; }
        .tile-window { overflow: hidden; border: 1px solid var(--rule); background: #000; }
        .tile-window img { display: block; max-width: none; border: 0; }
        .tile span { font-size: 14px; color: var(--ink); font-variant-numeric: tabular-nums; margin-top: 3px; }
        """;

    public const string DerivationsCss = """
        body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; background: #f6f8fb; }
        main { max-width: 900px; margin: 0 auto; padding: 16px 28px 64px; background: #fff; }
        h1 { font-size: 28px; color: #16324f; }
        h2 { font-size: 22px; color: #16324f; border-bottom: 2px solid #2f6fb2; padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 18px; color: #16324f; margin-top: 30px; }
        :target { background: #fff4c2; }
        pre { background: #f0f3f7; padding: 10px 14px; border-radius: 6px; overflow-x: auto; font-size: 14.5px; }
        code { font-size: 14px; background: #f0f3f7; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: 10px 0; }
        th, td { border: 1px solid #dde3ea; padding: 4px 10px; }
        .back { font-size: 14px; color: #4f5a68; }
        a { color: #2f6fb2; }
        """;
}
