/// ANSI styling that disappears when colour is off.
public struct TerminalStyle: Sendable {
  /// Whether to emit escape sequences at all.
  public let color: Bool

  /// Creates a style; pass `false` for pipes, files and `NO_COLOR`.
  public init(color: Bool) {
    self.color = color
  }

  /// Wraps `text` in the SGR `codes`, or returns it unchanged without colour.
  public func apply(_ codes: String, _ text: String) -> String {
    color && !text.isEmpty ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { apply("1", text) }
  public func dim(_ text: String) -> String { apply("2", text) }
  public func italic(_ text: String) -> String { apply("3", text) }
  public func underline(_ text: String) -> String { apply("4", text) }
  public func code(_ text: String) -> String { apply("36", text) }
  public func heading(_ text: String) -> String { apply("1;34", text) }
  public func good(_ text: String) -> String { apply("32", text) }
  public func bad(_ text: String) -> String { apply("31", text) }
  public func warn(_ text: String) -> String { apply("33", text) }
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

/// Pads `text` with spaces to `width` visible columns.
func pad(_ text: String, to width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - visibleWidth(text)))
}
