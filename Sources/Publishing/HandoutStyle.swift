/// The stylesheet inlined into every HTML handout: readable on screen, tidy on paper.
enum HandoutStyle {
  /// Screen and print rules shared by the handouts and the site.
  static let css = """
    :root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dee8; --accent: #2456a6; }
    body { font: 16px/1.55 "Source Serif 4", Georgia, serif; color: var(--ink); max-width: 46em;
      margin: 2em auto; padding: 0 1.2em; }
    h1, h2, h3, h4 { font-family: "Source Sans 3", "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
    h1 { font-size: 2em; border-bottom: 2px solid var(--accent); padding-bottom: .2em; }
    h2 { margin-top: 2em; color: var(--accent); }
    code, pre { font: 0.88em/1.45 "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    pre { background: #f5f7fb; border: 1px solid var(--rule); border-radius: 6px; padding: .8em 1em;
      overflow-x: auto; }
    table { border-collapse: collapse; margin: 1em 0; font-size: .95em; max-width: 100%; }
    th, td { border-bottom: 1px solid var(--rule); padding: .35em .8em; text-align: left; }
    td, th { overflow-wrap: anywhere; }
    th { border-bottom: 2px solid var(--ink); }
    aside.callout, section.exercise, div.question { border-radius: 8px; padding: .6em 1em; margin: 1.2em 0; }
    aside.callout { border-left: 5px solid var(--accent); background: #eef3fc; }
    aside.warning { border-color: #c77700; background: #fff6e6; }
    aside.tip { border-color: #2e8b57; background: #ecf8f1; }
    aside.errata { border-color: #b3261e; background: #fdeeee; }
    .callout-title, .question-title, .answer-title, .hints-title { font-family: sans-serif;
      font-weight: 700; margin: .2em 0 .4em; text-transform: uppercase; font-size: .8em;
      letter-spacing: .06em; }
    section.exercise { border: 2px solid var(--accent); }
    section.exercise h4 { margin: .2em 0; }
    .meta { color: var(--muted); font-size: .9em; }
    div.question { border: 1px dashed var(--muted); }
    .answer, .solution { border-top: 1px solid var(--rule); margin-top: .6em; padding-top: .4em; }
    .answer-space { height: 4em; }
    .workspace, .print-hints, .title-page .edition-note { display: none; }
    figure.picture { margin: 1.5em 0; text-align: center; }
    figure.picture svg { max-width: 100%; height: auto; }
    figcaption { color: var(--muted); font-size: .9em; margin-top: .4em; }
    nav.contents ol { padding-left: 1.4em; }
    @media print { nav.contents { font-size: 9.5pt; line-height: 1.3; } }
    nav.contents ol ol { font-size: .92em; color: var(--muted); }
    nav.contents a { color: inherit; text-decoration: none; }
    nav.contents .toc-page { float: right; }
    .title-page h1 { font-size: 2.6em; border: none; margin-top: 3em; }
    .title-page .edition { font: 700 1.1em sans-serif; color: var(--accent); text-transform: uppercase;
      letter-spacing: .08em; }
    @page { size: A4; margin: 16mm 16mm 18mm;
      @bottom-center { content: counter(page); font: 9pt sans-serif; color: #5b6475; } }
    @page :first { @bottom-center { content: none; } }
    @page landscape { size: A4 landscape; margin: 12mm 8mm 14mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
      .title-page, nav.contents, article.lesson { break-before: page; }
      .title-page:first-child, article.lesson:first-child { break-before: auto; }
      .title-page { break-after: page; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; font-size: .8em; }
      table { width: 100%; }
      section.exercise, div.question, aside, figure, tr { break-inside: avoid; }
      h1, h2, h3, h4, .callout-title, .question-title, .answer-title, .hints-title, .meta,
        section.exercise > p { break-after: avoid; }
      details.hints { display: none; }
      .print-hints { display: block; }
      .print-hints ol { margin: .2em 0 .4em; }
      figure.picture svg { width: var(--print-width, auto); max-width: 100%; }
      figure.landscape { page: landscape; }
      .workspace { display: block; height: 14em; border: 1px dashed var(--muted); border-radius: 6px;
        margin-top: .6em; }
      .answer-space { height: 6em; border-bottom: 1px dotted var(--muted); }
      a { color: inherit; text-decoration: none; }
    }
    """
}
