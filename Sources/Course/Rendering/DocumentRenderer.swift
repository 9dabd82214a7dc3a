import Foundation
import Markdown

/// Renders lessons through cmark's own HTML, LaTeX, man and CommonMark renderers.
///
/// The lesson's CommonMark blocks go to cmark as they are; the workbook's own blocks become
/// cmark custom blocks holding output written for the target format, so each format shows
/// tables, questions, callouts and pictures in its own terms.
public struct DocumentRenderer {
  /// The target format.
  public let format: MarkdownFormat
  /// Whether answers to questions are included (the answer-key edition).
  public let answers: Bool
  /// Draws a picture by id: the SVG for HTML, the plain terminal drawing for the others.
  public let picture: (String) -> (caption: String, svg: String, text: String)?

  /// The code of an exercise: the student's stub, and the reference solution when it exists.
  public let exerciseCode: (ExerciseReference) -> (stub: String?, solution: String?)

  /// Whether HTML answers and solutions are folded under a "show" toggle (the website), rather
  /// than printed open (the handouts).
  public var foldsAnswers = false

  /// Creates a renderer. Without `exerciseCode`, exercises show their summary and hints only.
  public init(
    format: MarkdownFormat, answers: Bool,
    picture: @escaping (String) -> (caption: String, svg: String, text: String)?,
    exerciseCode: @escaping (ExerciseReference) -> (stub: String?, solution: String?) = { _ in
      (nil, nil)
    }
  ) {
    self.format = format
    self.answers = answers
    self.picture = picture
    self.exerciseCode = exerciseCode
  }

  /// Source code as a code block in the target format, escaped by cmark's renderer.
  private func codeBlock(_ code: String) -> String {
    fragment(
      MarkdownNode(
        .document, children: [MarkdownNode(.codeBlock(info: "swift", literal: code))]))
  }

  /// The lesson rendered in the target format (a body fragment for HTML).
  public func render(_ lesson: Lesson) -> String {
    MarkdownRenderer.render(document(lesson), as: format)
  }

  /// Code lines longer than this are folded in LaTeX: the widest line that fits a box (a
  /// `quote`, 2 × 2.5 em narrower than the 166 mm text width) in 9 pt DejaVu Sans Mono
  /// (0.602 em a character).
  public static let latexCodeColumns = 76

  /// A code block's text as it is printed: in LaTeX, whose verbatim never wraps, each line
  /// longer than `latexCodeColumns` is folded at its last space that fits, the rest indented
  /// four columns past the line's own indentation.
  func printable(_ code: String) -> String {
    guard format == .latex else { return code }
    return code.split(separator: "\n", omittingEmptySubsequences: false).map {
      CodeFolding.fold(String($0), columns: Self.latexCodeColumns)
    }.joined(separator: "\n")
  }

  /// The lesson as one cmark-ready tree.
  public func document(_ lesson: Lesson) -> MarkdownNode {
    var children = [MarkdownNode(.heading(level: 1), children: [MarkdownNode(.text(lesson.title))])]
    children += lesson.introduction.flatMap(nodes)
    for section in lesson.sections {
      if format == .html {
        // An id per section, so a contents list, a site's sidebar and search results can link
        // to it; prefixed with the lesson's name, as one page may hold the whole course.
        let id = Self.anchor(lesson: lesson.name, section: section.title)
        children.append(raw("<h2 id=\"\(id)\">\(escapeHTML(section.title))</h2>"))
      } else {
        children.append(
          MarkdownNode(.heading(level: 2), children: [MarkdownNode(.text(section.title))]))
      }
      children += section.blocks.flatMap(nodes)
    }
    return MarkdownNode(.document, children: children)
  }

  private func nodes(_ block: LessonBlock) -> [MarkdownNode] {
    switch block {
    case .markdown(let node): return [foldingCode(withoutFigureLinks(node))]
    case .exercise(let exercise): return [raw(exerciseOutput(exercise))]
    case .question(let question): return [raw(questionOutput(question))]
    case .callout(let callout):
      return [
        raw(
          box(
            kind: callout.kind.rawValue, title: callout.kind.rawValue.capitalized,
            body: fragment(callout.body)))
      ]
    case .errata(let errata):
      let body = [
        labelled("The notes say", errata.notes), labelled("Correct", errata.correct),
        labelled("Why", errata.why),
      ].joined(separator: "\n")
      return [raw(box(kind: "errata", title: "Errata", body: body))]
    case .table(let table): return [raw(tableOutput(table))]
    case .picture(let reference): return [raw(pictureOutput(reference))]
    }
  }

  /// `node` with the text of every code block made printable.
  private func foldingCode(_ node: MarkdownNode) -> MarkdownNode {
    var copy = node
    if case .codeBlock(let info, let literal) = node.kind {
      copy.kind = .codeBlock(info: info, literal: printable(literal))
    }
    if format == .latex, case .code(let text) = node.kind {
      // LaTeX never breaks a line inside \texttt: allow it after punctuation.
      copy.kind = .customInline(raw: "\\texttt{\(CodeFolding.latexBreakable(text))}")
    }
    copy.children = node.children.map(foldingCode)
    return copy
  }

  private func raw(_ text: String) -> MarkdownNode { MarkdownNode(.customBlock(raw: text)) }

  /// The HTML id of a lesson's section: the lesson's name, then the title's letters and digits
  /// in lower case, words joined by hyphens ("NumberFormats-fp16-in-detail").
  public static func anchor(lesson: String, section: String) -> String {
    let words = section.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    return ([lesson] + words.map(String.init)).joined(separator: "-")
  }

  /// A Markdown fragment rendered in the target format, figure links reduced to their text.
  func fragment(_ node: MarkdownNode) -> String {
    var rendered = MarkdownRenderer.render(foldingCode(withoutFigureLinks(node)), as: format)
    while rendered.hasSuffix("\n") { rendered.removeLast() }
    return rendered
  }

  /// Inline content only: a single paragraph's wrapper is removed.
  func inlineFragment(_ node: MarkdownNode) -> String {
    let paragraphs = node.children
    if paragraphs.count == 1, paragraphs[0].kind == .paragraph {
      let inline = MarkdownNode(
        .document, children: [MarkdownNode(.paragraph, children: paragraphs[0].children)])
      var text = fragment(inline)
      switch format {
      case .html:
        if text.hasPrefix("<p>") && text.hasSuffix("</p>") {
          text = String(text.dropFirst(3).dropLast(4))
        }
      case .man:
        if text.hasPrefix(".PP\n") { text = String(text.dropFirst(4)) }
      default: break
      }
      return text
    }
    return fragment(node)
  }

  private func withoutFigureLinks(_ node: MarkdownNode) -> MarkdownNode {
    var copy = node
    copy.children = node.children.flatMap { child -> [MarkdownNode] in
      if case .link(let url, _) = child.kind, url.hasPrefix("fig:") {
        return child.children.map(withoutFigureLinks)
      }
      return [withoutFigureLinks(child)]
    }
    return copy
  }

  private func labelled(_ label: String, _ node: MarkdownNode) -> String {
    switch format {
    case .html: return "<p><strong>\(label):</strong> \(inlineFragment(node))</p>"
    case .latex: return "\\textbf{\(label):} \(inlineFragment(node))\n"
    case .man: return ".PP\n\\fB\(label):\\fR \(inlineFragment(node))"
    case .commonmark: return "**\(label):** \(inlineFragment(node))\n"
    }
  }

  private func box(kind: String, title: String, body: String) -> String {
    switch format {
    case .html:
      return
        "<aside class=\"callout \(kind)\"><p class=\"callout-title\">\(title)</p>\n\(body)\n</aside>"
    case .latex:
      return "\\begin{quote}\n\\textbf{\(title).} \(body)\n\\end{quote}"
    case .man:
      return ".RS\n.PP\n\\fB\(title)\\fR\n\(body)\n.RE"
    case .commonmark:
      return body.split(separator: "\n", omittingEmptySubsequences: false)
        .reduce("> **\(title)**\n>") { $0 + "\n> " + $1 }
    }
  }

  private func exerciseOutput(_ exercise: ExerciseReference) -> String {
    let summary = inlineFragment(exercise.summary)
    let code = exerciseCode(exercise)
    let stub = code.stub.map(codeBlock) ?? ""
    let solution = answers ? code.solution.map(codeBlock) : nil
    switch format {
    case .html:
      let hints = exercise.hints.map { "<li>\(inlineFragment($0))</li>" }.joined()
      // <details> folds the hints on screen, and a browser prints a folded <details> folded:
      // the print-only copy is the same list, expanded.
      let hintList =
        hints.isEmpty
        ? ""
        : "<details class=\"hints\"><summary>Hints</summary><ol>\(hints)</ol></details>"
          + "<div class=\"print-hints\"><p class=\"hints-title\">Hints</p><ol>\(hints)</ol></div>"
      // The answer key shows the solution where the student edition leaves room to write.
      let work =
        solution.map {
          foldsAnswers
            ? "<details class=\"solution\"><summary>Solution</summary>\n\($0)</details>"
            : "<div class=\"solution\"><p class=\"answer-title\">Solution</p>\n\($0)</div>"
        }
        ?? (stub.isEmpty ? "" : "<div class=\"stub\">\(stub)</div><div class=\"workspace\"></div>")
      return """
        <section class="exercise" id="exercise-\(exercise.name)"><h4>Exercise \(exercise.name)</h4>
        <p>\(summary)</p><p class="meta">Edit <code>\(exercise.file)</code>, then run <code>workbook check \(exercise.name)</code>.</p>
        \(hintList)\(work)
        </section>
        """
    default:
      let hintList =
        exercise.hints.isEmpty
        ? ""
        : labelledText("Hints") + "\n"
          + fragment(
            MarkdownNode(
              .document,
              children: [
                MarkdownNode(
                  .list(ordered: true, start: 1, tight: true),
                  children: exercise.hints.map { MarkdownNode(.item, children: $0.children) })
              ]))
      let body = [
        summary + " ("
          + (format == .latex
            ? "\\texttt{\(CodeFolding.latexBreakable(exercise.file))}" : exercise.file) + ")",
        hintList,
        solution.map { labelledText("Solution") + "\n" + $0 } ?? stub,
      ]
      .filter { !$0.isEmpty }.joined(separator: "\n")
      return box(kind: "exercise", title: "Exercise \(exercise.name)", body: body)
    }
  }

  private func labelledText(_ label: String) -> String {
    switch format {
    case .html: return "<strong>\(label)</strong>"
    case .latex: return "\\textbf{\(label)}"
    case .man: return ".PP\n\\fB\(label)\\fR"
    case .commonmark: return "**\(label)**"
    }
  }

  private func questionOutput(_ question: Question) -> String {
    let prompt = fragment(question.prompt)
    let answer = fragment(question.answer)
    switch format {
    case .html:
      let reveal =
        !answers
        ? "<div class=\"answer-space\"></div>"
        : foldsAnswers
          ? "<details class=\"answer\"><summary>Answer</summary>\n\(answer)\n</details>"
          : "<div class=\"answer\"><p class=\"answer-title\">Answer</p>\n\(answer)\n</div>"
      return
        "<div class=\"question\" id=\"q-\(question.id.replacingOccurrences(of: "#", with: "-"))\"><p class=\"question-title\">Check yourself</p>\n\(prompt)\n\(reveal)\n</div>"
    default:
      return box(
        kind: "question", title: "Check yourself",
        body: prompt + (answers ? "\n" + labelled("Answer", question.answer) : ""))
    }
  }

  private func tableOutput(_ table: Table) -> String {
    switch format {
    case .html:
      let head = table.header.map { "<th>\(inlineFragment($0))</th>" }.joined()
      let body = table.rows.map {
        "<tr>" + $0.map { "<td>\(inlineFragment($0))</td>" }.joined() + "</tr>"
      }.joined(separator: "\n")
      return "<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(body)\n</tbody>\n</table>"
    case .latex:
      // X columns share the line and wrap their text, so a table never runs past the margin.
      let columns = String(
        repeating: ">{\\raggedright\\arraybackslash}X", count: table.header.count)
      let row: ([MarkdownNode]) -> String = {
        $0.map { self.inlineFragment($0) }.joined(separator: " & ") + " \\\\"
      }
      return "\\par\\noindent{\\small\\setlength{\\tabcolsep}{3pt}"
        + "\\begin{tabularx}{\\linewidth}{\(columns)}\n\\hline\n"
        + "\(row(table.header))\n\\hline\n"
        + table.rows.map(row).joined(separator: "\n") + "\n\\hline\n\\end{tabularx}}"
    case .man, .commonmark:
      let plain = TerminalRenderer(
        width: 100, style: TerminalStyle(color: false), picture: { _ in nil })
      let lines = plain.render(.table(table)).dropLast()
      if format == .man {
        return ".PP\n.nf\n"
          + lines.map { $0.replacingOccurrences(of: "\\", with: "\\e") }.joined(separator: "\n")
          + "\n.fi"
      }
      return "```\n" + lines.joined(separator: "\n") + "\n```"
    }
  }

  private func pictureOutput(_ reference: PictureReference) -> String {
    guard let drawn = picture(reference.id) else { return "" }
    switch format {
    case .html:
      // Printed, a picture is made as wide as its smallest label needs to be 8 pt; one that
      // needs more than a portrait page's text width gets a landscape page of its own.
      let print = PrintedPictureSize(svg: drawn.svg)
      let width = print.map { " style=\"--print-width: \(Int($0.width.rounded(.up)))px\"" } ?? ""
      let landscape = print?.needsLandscape == true ? " landscape" : ""
      return
        "<figure class=\"picture\(landscape)\"\(width)>\(drawn.svg)<figcaption>\(escapeHTML(drawn.caption))</figcaption></figure>"
    case .latex:
      // The picture as a graphic: the handout writes pictures/<id>.pdf beside the .tex file.
      let width = PrintedPictureSize(svg: drawn.svg)?.width ?? 600
      let caption = inlineFragment(
        MarkdownNode(
          .document,
          children: [MarkdownNode(.paragraph, children: [MarkdownNode(.text(drawn.caption))])]))
      return "\\workbookpicture{pictures/\(reference.id)}{\(Int(width * 0.75))pt}{\(caption)}"
    case .man:
      return
        ".PP\n.nf\n\(drawn.text.replacingOccurrences(of: "\\", with: "\\e"))\n.fi\n.PP\n\\fI\(drawn.caption)\\fR"
    case .commonmark:
      return "```\n\(drawn.text)\n```\n\n*\(drawn.caption)*"
    }
  }
}

/// Escapes the five characters that matter in HTML text and attributes.
public func escapeHTML(_ text: String) -> String {
  // One pass, and none for the common text with nothing to escape: Foundation's
  // replacingOccurrences goes through NSString, once per character replaced.
  guard text.unicodeScalars.contains(where: { htmlEntity($0) != nil }) else { return text }
  var escaped = ""
  escaped.reserveCapacity(text.utf8.count + 16)
  for scalar in text.unicodeScalars {
    if let entity = htmlEntity(scalar) {
      escaped += entity
    } else {
      escaped.unicodeScalars.append(scalar)
    }
  }
  return escaped
}

/// The entity that stands for `scalar` in HTML, for the five characters that need one.
private func htmlEntity(_ scalar: Unicode.Scalar) -> String? {
  switch scalar {
  case "&": return "&amp;"
  case "<": return "&lt;"
  case ">": return "&gt;"
  case "\"": return "&quot;"
  case "'": return "&#39;"
  default: return nil
  }
}
