/// ANSI styling that disappears when colour is off, and the characters boxes are drawn with.
public struct TerminalStyle: Sendable {
  /// Whether to emit escape sequences at all.
  public let color: Bool
  /// Whether boxes, rules and bullets may use Unicode box drawing; `false` for `TERM=dumb`.
  public let unicode: Bool
  /// Whether code spans and strong text keep a plain marker (`code`, *strong*) when there is no
  /// colour to show them, so emphasis survives `NO_COLOR`, pipes and dumb terminals.
  public let markers: Bool

  /// Creates a style; pass `color: false` for pipes, files and `NO_COLOR`, `unicode: false` for
  /// a dumb terminal, `markers: true` to keep emphasis visible without colour.
  public init(color: Bool, unicode: Bool = true, markers: Bool = false) {
    self.color = color
    self.unicode = unicode
    self.markers = markers && !color
  }

  /// Wraps `text` in the SGR `codes`, or returns it unchanged without colour.
  public func apply(_ codes: String, _ text: String) -> String {
    color && !text.isEmpty ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
  }

  /// Bold text, for titles and labels of the workbook's own.
  public func bold(_ text: String) -> String { apply("1", text) }
  /// Faint text, for asides.
  public func dim(_ text: String) -> String { apply("2", text) }
  /// Italic text.
  public func italic(_ text: String) -> String { apply("3", text) }
  /// Underlined text, for links.
  public func underline(_ text: String) -> String { apply("4", text) }
  /// Code: commands the learner types and lines of code blocks.
  public func code(_ text: String) -> String { apply("36", text) }
  /// A lesson's title or section heading.
  public func heading(_ text: String) -> String { apply("1;34", text) }
  /// Success.
  public func good(_ text: String) -> String { apply("32", text) }
  /// Failure.
  public func bad(_ text: String) -> String { apply("31", text) }
  /// Something to look at.
  public func warn(_ text: String) -> String { apply("33", text) }

  /// A Markdown code span: coloured, or in backticks when there is no colour but markers.
  public func codeSpan(_ text: String) -> String {
    markers ? "`" + text + "`" : code(text)
  }

  /// Markdown strong text: bold, or between asterisks when there is no colour but markers.
  public func strong(_ text: String) -> String {
    markers && !text.isEmpty ? "*" + text + "*" : bold(text)
  }

  /// Markdown emphasis: italic, or between underscores when there is no colour but markers.
  public func emphasis(_ text: String) -> String {
    markers && !text.isEmpty ? "_" + text + "_" : italic(text)
  }

  /// The characters boxes, rules, tables and bullets are drawn with.
  public var glyphs: Glyphs { unicode ? .unicode : .ascii }

  /// `text` (a generated picture, say) with box drawing, block and braille characters replaced
  /// by ASCII when the terminal cannot show them; unchanged otherwise.
  public func drawable(_ text: String) -> String {
    unicode ? text : Glyphs.asciiDrawing(text)
  }
}

/// The number of terminal columns `text` takes, not counting ANSI escape sequences.
public func visibleWidth(_ text: String) -> Int {
  var width = 0
  var inEscape = false
  for scalar in text.unicodeScalars {
    if inEscape {
      if scalar == "m" { inEscape = false }
    } else if scalar == "\u{1B}" {
      inEscape = true
    } else if !(0x0300...0x036F).contains(scalar.value) {
      width += 1
    }
  }
  return width
}

/// Breaks `text` into lines of at most `width` visible columns at spaces, prefixing each line
/// with `indent` (and the first with `firstIndent`, when given).
public func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil)
  -> [String]
{
  var lines: [String] = []
  var line = firstIndent ?? indent
  var lineHasWord = false
  for word in text.split(separator: " ", omittingEmptySubsequences: true) {
    let word = String(word)
    if lineHasWord && visibleWidth(line) + 1 + visibleWidth(word) > width {
      lines.append(line)
      line = indent
      lineHasWord = false
    }
    line += (lineHasWord ? " " : "") + word
    lineHasWord = true
  }
  if lineHasWord || lines.isEmpty { lines.append(line) }
  return lines
}

/// Lays `items` out on lines of at most `width` visible columns, joined by `separator`, never
/// breaking an item across lines unless it is wider than a line by itself (then it is wrapped
/// at its spaces).
public func pack(
  _ items: [String], separator: String, width: Int, indent: String = "", firstIndent: String? = nil
) -> [String] {
  var lines: [String] = []
  var line = firstIndent ?? indent
  var lineHasItem = false
  for item in items {
    if lineHasItem {
      let joined = line + separator + item
      if visibleWidth(joined) <= width {
        line = joined
        continue
      }
      lines.append(line)
      line = indent
    }
    if visibleWidth(line + item) <= width {
      line += item
    } else {
      var pieces = wrap(item, width: width, indent: indent, firstIndent: line)
      line = pieces.removeLast()
      lines += pieces
    }
    lineHasItem = true
  }
  if lineHasItem || lines.isEmpty { lines.append(line) }
  return lines
}

/// Pads `text` with spaces to `width` visible columns.
public func pad(_ text: String, to width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - visibleWidth(text)))
}
