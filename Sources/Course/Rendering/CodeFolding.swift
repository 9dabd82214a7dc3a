/// Folds a long line of code for a format that cannot wrap it (LaTeX's verbatim).
enum CodeFolding {
  /// `line` cut into pieces of at most `columns` characters, at the last space that fits (or
  /// at `columns` when there is none); every piece after the first is indented four columns
  /// past the line's own indentation, so a reader sees it continues the line above.
  static func fold(_ line: String, columns: Int) -> String {
    guard line.count > columns else { return line }
    let indent = String(line.prefix { $0 == " " })
    let continuation = indent + "    "
    var pieces: [String] = []
    var rest = Substring(line)
    var limit = columns
    while rest.count > limit {
      let window = rest.prefix(limit)
      var cut = window.endIndex
      if let space = window.lastIndex(of: " "),
        rest.distance(from: rest.startIndex, to: space) > continuation.count
      {
        cut = space
      }
      pieces.append(String(rest[..<cut]))
      rest = rest[cut...].drop { $0 == " " }
      limit = columns - continuation.count
    }
    pieces.append(String(rest))
    return pieces.enumerated().map { $0.offset == 0 ? $0.element : continuation + $0.element }
      .joined(separator: "\n")
  }

  /// Inline code as LaTeX text: special characters escaped, and a permitted line break after
  /// each `.`, `,`, `:`, `(`, `_` and `/`, so a long identifier chain wraps at the margin.
  static func latexBreakable(_ code: String) -> String {
    var text = ""
    for character in code {
      switch character {
      case "'": text += "\\textquotesingle{}"
      case "`": text += "\\textasciigrave{}"
      case "-": text += "-{}"
      default: text += latexCommand(for: character) ?? String(character)
      }
      if ".,:(_/".contains(character) { text += "\\allowbreak{}" }
    }
    return text
  }

  /// How LaTeX text writes a character it would otherwise read as a command; nil for the rest.
  static func latexCommand(for character: Character) -> String? {
    switch character {
    case "\\": return "\\textbackslash{}"
    case "&", "%", "$", "#", "_", "{", "}": return "\\\(character)"
    case "~": return "\\textasciitilde{}"
    case "^": return "\\textasciicircum{}"
    default: return nil
    }
  }
}

/// `text` as LaTeX text: the characters LaTeX treats as commands escaped, the rest as is.
public func escapeLaTeX(_ text: String) -> String {
  text.map { CodeFolding.latexCommand(for: $0) ?? String($0) }.joined()
}
