/// The HTML report's style sheet, inlined in the page: system fonts only
/// (nothing to fetch), colours from the Okabe-Ito palette (readable with
/// colour-blindness), and a print layout on A4 that keeps each chart on one
/// page and prints the colours.
enum ReportStyle {
    static let css = """
        :root { --ink: #1d2329; --muted: #5b6670; --rule: #d8dde2; --paper: #ffffff; --wash: #f4f6f8;
          --blue: #0072b2; --sky: #56b4e9; --orange: #e69f00; --vermillion: #d55e00; --green: #009e73;
          --yellow: #f0e442; --purple: #cc79a7; --wine: #882255; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: var(--wash); color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        .page { max-width: 1160px; margin: 0 auto; padding: 28px 32px 40px; background: var(--paper); }
        header h1 { margin: 0 0 4px; font-size: 28px; line-height: 1.2; }
        header .subtitle { margin: 0 0 14px; color: var(--muted); }
        dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 16px; margin: 0;
          font-size: 13px; }
        dl.meta dt { color: var(--muted); }
        dl.meta dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        nav { margin: 18px 0 6px; padding: 8px 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule);
          font-size: 13px; }
        nav a { color: var(--blue); text-decoration: none; margin-right: 16px; }
        section { margin-top: 30px; }
        h2 { font-size: 21px; margin: 0 0 4px; }
        h3 { font-size: 15px; margin: 0 0 4px; }
        p.lead { margin: 0 0 12px; color: var(--muted); max-width: 70em; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
        .card .k { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .card .v { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .d { font-size: 12px; color: var(--muted); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 18px 22px; }
        figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
        svg.chart { display: block; width: 100%; height: auto; overflow: visible; font-family: inherit; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums;
          break-inside: avoid; page-break-inside: avoid; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { padding: 3px 10px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
        tbody th { font-weight: 500; }
        .num { text-align: right; }
        .tables { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
        p.legend { margin: 0 0 8px; font-size: 12.5px; }
        p.legend .key { display: inline-block; margin-right: 16px; white-space: nowrap; }
        p.legend .swatch { display: inline-block; width: 14px; height: 10px; margin-right: 5px; vertical-align: -1px; }
        .swatch.f-passed { background: var(--blue); } .swatch.f-noshow { background: var(--orange); }
        .swatch.f-withdrawn { background: var(--vermillion); } .swatch.f-contact { background: var(--yellow); }
        .swatch.f-rejected { background: var(--purple); } .swatch.f-declined { background: var(--sky); }
        .swatch.f-check { background: var(--green); } .swatch.f-renege { background: var(--wine); }
        .swatch.f-other { background: #d9dde1; }
        .swatch.f-open { background: #f2f4f6; border: 1px solid #b9c0c7; }
        figure h3 { margin: 6px 0 2px; font-size: 14px; font-weight: 600; }
        footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }

        /* Chart elements. */
        .chart .gridline { stroke: #e3e7eb; stroke-width: 1; }
        .chart .axis { stroke: #7a858f; stroke-width: 1; }
        .chart text { fill: var(--ink); font-size: 12px; }
        .chart .tick { fill: var(--muted); font-size: 11px; }
        .chart .axis-title { fill: var(--muted); font-size: 11px; }
        .chart .legend { font-size: 11.5px; }
        .chart .label { font-size: 12.5px; }
        .chart .value { font-size: 12px; font-weight: 600; }
        .chart .note { fill: var(--muted); font-size: 14px; }
        .chart .band { fill: var(--sky); fill-opacity: .38; stroke: none; }
        .chart .p50-line { fill: none; stroke: var(--blue); stroke-width: 2.4; }
        .chart .mean-line { fill: none; stroke: var(--ink); stroke-width: 1.4; stroke-dasharray: 5 4; }
        .chart .target { stroke: var(--green); stroke-width: 1.6; stroke-dasharray: 2 3; }
        .chart .target-label { fill: var(--green); font-size: 11.5px; font-weight: 600; }
        .chart .deadline { stroke: var(--vermillion); stroke-width: 1.6; }
        .chart .deadline-label { fill: var(--vermillion); font-size: 11.5px; font-weight: 600; }
        .chart .hover { fill: transparent; stroke: none; }
        .chart .hover:hover { fill: var(--ink); fill-opacity: .06; }
        .chart .bar { fill: var(--blue); }
        .chart .beyond { fill: var(--vermillion); }
        .chart .marker { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 3; }
        .chart .marker-label { font-size: 11px; fill: var(--ink); }
        .chart .f-passed { fill: var(--blue); }
        .chart .f-noshow { fill: var(--orange); }
        .chart .f-withdrawn { fill: var(--vermillion); }
        .chart .f-contact { fill: var(--yellow); }
        .chart .f-rejected { fill: var(--purple); }
        .chart .f-declined { fill: var(--sky); }
        .chart .f-check { fill: var(--green); }
        .chart .f-renege { fill: var(--wine); }
        .chart .f-other { fill: #d9dde1; }
        .chart .f-open { fill: #f2f4f6; stroke: #b9c0c7; }
        .chart .f-empty { fill: none; stroke: var(--rule); stroke-dasharray: 4 3; }
        .chart .t-low { fill: var(--orange); }
        .chart .t-high { fill: var(--blue); }
        .chart .baseline { stroke: var(--ink); stroke-width: 1.4; }
        .chart .interval { stroke: var(--ink); stroke-width: 1.6; }
        .chart .effect { fill: #7a858f; stroke: var(--ink); }
        .chart .effect-up { fill: var(--green); stroke: var(--ink); }
        .chart .effect-down { fill: var(--vermillion); stroke: var(--ink); }

        @page { size: A4; margin: 12mm; }
        @media print {
          body { background: none; font-size: 10pt; }
          .page { max-width: none; padding: 0; }
          nav { display: none; }
          section { margin-top: 16px; }
          h2 { break-after: avoid; page-break-after: avoid; }
          /* One chart per row: two side by side would print their labels at 5 pt. */
          .charts { grid-template-columns: 1fr; gap: 8px; }
          .charts figure { max-width: 160mm; }
          .chart .hover:hover { fill: transparent; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
