import Foundation
import Markdown

/// Renders lessons for a terminal: wrapped to a width, styled with ANSI only when asked.
public struct TerminalRenderer {
  /// The column count to wrap at.
  public let width: Int
  /// Colours and emphasis, or plain text.
  public let style: TerminalStyle
  /// Draws a picture for the terminal by id, or returns nil when it does not exist.
  public let picture: (String) -> String?

  /// Creates a renderer.
  public init(width: Int, style: TerminalStyle, picture: @escaping (String) -> String?) {
    self.width = max(40, width)
    self.style = style
    self.picture = picture
  }

  /// The whole lesson, title first.
  public func render(_ lesson: Lesson) -> String {
    var out = [style.heading(lesson.title.uppercased()), ""]
    out += lesson.introduction.flatMap { render($0) }
    for section in lesson.sections {
      out += sectionLines(section)
    }
    return out.joined(separator: "\n")
  }

  /// The lesson from the section at `index` to its end, that section's heading first, so any
  /// pager opens on it; a faint line under the heading says which lesson this is.
  public func render(_ lesson: Lesson, fromSection index: Int) -> String {
    guard lesson.sections.indices.contains(index) else { return render(lesson) }
    var out = sectionLines(lesson.sections[index])
    let context = wrap(
      "\(lesson.title) (\(lesson.file)), section \(index + 1) of \(lesson.sections.count)",
      width: width)
    out.insert(contentsOf: context.map(style.dim), at: 1)
    for section in lesson.sections[(index + 1)...] {
      out += sectionLines(section)
    }
    return out.joined(separator: "\n")
  }

  private func sectionLines(_ section: LessonSection) -> [String] {
    let heading = wrap("## " + section.title, width: width, indent: "   ", firstIndent: "")
    return heading.map(style.heading) + [""] + section.blocks.flatMap { render($0) }
  }

  /// One lesson block as lines, ending with a blank line.
  public func render(_ block: LessonBlock) -> [String] {
    switch block {
    case .markdown(let node): return blockLines(node, indent: "")
    case .exercise(let exercise):
      // Each part is one item, so a command is never split from its argument; the faint style
      // goes on each wrapped line, not across the line breaks.
      let commands =
        ["file: \(exercise.file)", "check: workbook check \(exercise.name)"]
        + (exercise.hints.isEmpty ? [] : ["hints: workbook hint \(exercise.name)"])
      return boxed(
        style.bold("Exercise \(exercise.name)"),
        wrap(inline(exercise.summary), width: width - 4)
          + pack(commands, separator: "   ", width: width - 4).map(style.dim))
    case .question(let question):
      return wrap(
        inline(question.prompt), width: width, indent: "  ", firstIndent: style.warn("? ")) + [
          style.dim("  (answer: workbook quiz \(question.id.split(separator: "#")[0]))"), "",
        ]
    case .callout(let callout):
      return boxed(
        style.bold(callout.kind.rawValue.capitalized), documentLines(callout.body, width: width - 4)
      )
    case .errata(let errata):
      return boxed(
        style.warn("Errata"),
        wrap(style.bold("The notes say: ") + inline(errata.notes), width: width - 4)
          + wrap(style.good("Correct: ") + inline(errata.correct), width: width - 4)
          + wrap(style.dim("Why: ") + inline(errata.why), width: width - 4))
    case .table(let table): return tableLines(table) + [""]
    case .picture(let reference):
      return pictureLines(reference.id) + [""]
    }
  }

  /// A generated picture, in ASCII on a dumb terminal; a picture wider than the screen becomes
  /// a one-line note, since cutting or wrapping its rows would draw something false.
  private func pictureLines(_ id: String) -> [String] {
    guard let drawn = picture(id) else { return ["[picture \(id)]"] }
    let lines = style.drawable(drawn).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    let needed = lines.map(visibleWidth).max() ?? 0
    guard needed <= width else {
      return wrap(style.dim("picture \(id) needs \(needed) columns; see the handout"), width: width)
    }
    return lines
  }

  private func boxed(_ title: String, _ body: [String]) -> [String] {
    let inner = width - 4
    let line = style.glyphs.horizontal
    let (topLeft, topRight, bottomLeft, bottomRight) = style.glyphs.corners
    var lines = [
      topLeft + line + " " + title + " "
        + String(repeating: line, count: max(0, inner - visibleWidth(title) - 1)) + topRight
    ]
    let side = style.glyphs.vertical
    lines += body.map { side + " " + pad($0, to: inner) + " " + side }
    lines.append(bottomLeft + String(repeating: line, count: inner + 2) + bottomRight)
    return lines + [""]
  }

  private func documentLines(_ document: MarkdownNode, width: Int) -> [String] {
    let renderer = TerminalRenderer(width: width, style: style, picture: picture)
    var lines = document.children.flatMap { renderer.blockLines($0, indent: "") }
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  func blockLines(_ node: MarkdownNode, indent: String) -> [String] {
    switch node.kind {
    case .paragraph:
      return wrap(inline(node), width: width, indent: indent) + [""]
    case .heading(let level):
      let marker = String(repeating: "#", count: level) + " "
      let continued = indent + String(repeating: " ", count: marker.count)
      return wrap(marker + inline(node), width: width, indent: continued, firstIndent: indent)
        .map(style.bold) + [""]
    case .codeBlock(_, let literal):
      var code = literal.split(separator: "\n", omittingEmptySubsequences: false).map {
        indent + "    " + style.code(String($0))
      }
      if code.last?.trimmingCharacters(in: .whitespaces) == "" { code.removeLast() }
      return code + [""]
    case .blockQuote:
      return node.children.flatMap { blockLines($0, indent: indent) }.map {
        $0.isEmpty ? $0 : style.dim(style.glyphs.vertical + " ") + $0
      }
    case .list(let ordered, let start, _):
      var lines: [String] = []
      for (index, item) in node.children.enumerated() {
        let marker = ordered ? "\(start + index). " : style.glyphs.bullet + " "
        let itemIndent = indent + String(repeating: " ", count: marker.count)
        var itemLines = item.children.flatMap { blockLines($0, indent: itemIndent) }
        while itemLines.last == "" { itemLines.removeLast() }
        if let first = itemLines.first {
          itemLines[0] = indent + marker + first.dropFirst(itemIndent.count)
        }
        lines += itemLines
      }
      return lines + [""]
    case .thematicBreak:
      return [
        indent + style.dim(String(repeating: style.glyphs.horizontal, count: width - indent.count)),
        "",
      ]
    case .htmlBlock:
      return []
    default:
      return wrap(inline(node), width: width, indent: indent) + [""]
    }
  }

  /// The inline content of `node` as one styled line, breaks turned into spaces.
  public func inline(_ node: MarkdownNode) -> String {
    node.children.map { child -> String in
      switch child.kind {
      case .text(let text): return text
      case .softBreak, .lineBreak: return " "
      case .code(let code): return style.codeSpan(code)
      case .emphasis: return style.emphasis(inline(child))
      case .strong: return style.strong(inline(child))
      case .link(let url, _):
        return url.hasPrefix("fig:") || url.hasPrefix("#")
          ? inline(child) : style.underline(inline(child))
      case .image: return "[image: \(inline(child))]"
      case .htmlInline: return ""
      case .paragraph: return inline(child)
      default: return inline(child)
      }
    }.joined()
  }

  /// A table with aligned columns; when it is wider than the screen, the widest columns are
  /// narrowed and their cells wrapped onto several lines.
  private func tableLines(_ table: Table) -> [String] {
    let header = table.header.map { style.bold(inline($0)) }
    let rows = table.rows.map { $0.map { inline($0) } }
    var widths = header.map(visibleWidth)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], visibleWidth(cell))
      }
    }
    let available = width - 2 - 3 * max(0, widths.count - 1)
    // A column may narrow down to its longest word; if even that does not fit, each row is
    // printed as a record of "header: value" lines instead.
    let floors = widths.indices.map { column in
      ([header[column]] + rows.compactMap { column < $0.count ? $0[column] : nil })
        .flatMap { $0.split(separator: " ").map { visibleWidth(String($0)) } }.max() ?? 1
    }
    if floors.reduce(0, +) > available {
      return recordLines(header: table.header.map { inline($0) }, rows: rows)
    }
    while widths.reduce(0, +) > available,
      let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: {
        widths[$0] < widths[$1]
      })
    {
      widths[widest] -= 1
    }
    func lines(_ cells: [String]) -> [String] {
      let wrapped = cells.enumerated().map { wrap($0.element, width: widths[$0.offset]) }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { row in
        let parts = wrapped.enumerated().map { column, cellLines -> String in
          let text = row < cellLines.count ? cellLines[row] : ""
          return column == wrapped.count - 1 ? text : pad(text, to: widths[column])
        }
        return "  " + parts.joined(separator: " \(style.glyphs.vertical) ")
      }
    }
    let horizontal = style.glyphs.horizontal
    let rule = widths.map { String(repeating: horizontal, count: $0) }
      .joined(separator: horizontal + style.glyphs.cross + horizontal)
    return lines(header) + ["  " + style.dim(rule)] + rows.flatMap(lines)
  }

  /// A table too wide for the screen, one row at a time: the first cell as a title, then each
  /// other cell under its header.
  private func recordLines(header: [String], rows: [[String]]) -> [String] {
    rows.flatMap { row -> [String] in
      var lines = ["  " + style.bold(row.first ?? "")]
      for (column, cell) in row.enumerated().dropFirst() where column < header.count {
        lines += wrap(
          style.dim(header[column] + ":") + " " + cell, width: width, indent: "      ",
          firstIndent: "    ")
      }
      return lines
    }
  }
}
