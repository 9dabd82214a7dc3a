/// The stylesheet inlined into every HTML handout: readable on screen, tidy on paper.
enum HandoutStyle {
  static let css = """
    :root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dee8; --accent: #2456a6; }
    body { font: 16px/1.55 "Source Serif 4", Georgia, serif; color: var(--ink); max-width: 46em;
      margin: 2em auto; padding: 0 1.2em; }
    h1, h2, h3, h4 { font-family: "Source Sans 3", "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
    h1 { font-size: 2em; border-bottom: 2px solid var(--accent); padding-bottom: .2em; }
    h2 { margin-top: 2em; color: var(--accent); }
    code, pre { font: 0.88em/1.45 "JetBrains Mono", Menlo, Consolas, monospace; }
    pre { background: #f5f7fb; border: 1px solid var(--rule); border-radius: 6px; padding: .8em 1em;
      overflow-x: auto; }
    table { border-collapse: collapse; margin: 1em 0; font-size: .95em; }
    th, td { border-bottom: 1px solid var(--rule); padding: .35em .8em; text-align: left; }
    th { border-bottom: 2px solid var(--ink); }
    aside.callout, section.exercise, div.question { border-radius: 8px; padding: .6em 1em; margin: 1.2em 0; }
    aside.callout { border-left: 5px solid var(--accent); background: #eef3fc; }
    aside.warning { border-color: #c77700; background: #fff6e6; }
    aside.tip { border-color: #2e8b57; background: #ecf8f1; }
    aside.errata { border-color: #b3261e; background: #fdeeee; }
    .callout-title, .question-title, .answer-title { font-family: sans-serif; font-weight: 700;
      margin: .2em 0 .4em; text-transform: uppercase; font-size: .8em; letter-spacing: .06em; }
    section.exercise { border: 2px solid var(--accent); }
    section.exercise h4 { margin: .2em 0; }
    .meta { color: var(--muted); font-size: .9em; }
    div.question { border: 1px dashed var(--muted); }
    .answer, .solution { border-top: 1px solid var(--rule); margin-top: .6em; padding-top: .4em; }
    .answer-space { height: 4em; }
    .workspace { display: none; }
    figure.picture { margin: 1.5em 0; text-align: center; }
    figure.picture svg { max-width: 100%; height: auto; }
    figcaption { color: var(--muted); font-size: .9em; margin-top: .4em; }
    nav.contents ol { columns: 2; }
    @media print {
      body { max-width: none; margin: 0; font-size: 11pt; }
      article.lesson { break-before: page; }
      article.lesson:first-of-type { break-before: auto; }
      pre, table, figure, aside, div.question { break-inside: avoid; }
      h2, h3, h4 { break-after: avoid; }
      details > summary { list-style: none; font-weight: 700; }
      .workspace { display: block; height: 14em; border: 1px dashed var(--muted); border-radius: 6px;
        margin-top: .6em; }
      .answer-space { height: 6em; border-bottom: 1px dotted var(--muted); }
      a { color: inherit; text-decoration: none; }
    }
    """
}
