import Markdown

/// The text inside a workbook block's fence, with the file line of each of its lines.
struct BlockBody {
  /// The lines of the body.
  let lines: [Substring]
  /// The file line of `lines[0]`: the line after the opening fence.
  let firstLine: Int

  init(literal: String, fenceLine: Int) {
    var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    self.lines = lines
    self.firstLine = fenceLine + 1
  }

  /// Parses lines `range` as a Markdown fragment whose positions are the file's.
  func markdown(_ range: Range<Int>) -> MarkdownNode {
    let text = lines[range].joined(separator: "\n")
    return MarkdownParser.parse(text).shifted(byLines: firstLine + range.lowerBound - 1)
  }

  /// Parses one line's text (after a `key:` prefix) as a Markdown fragment.
  func markdown(_ text: Substring, atIndex index: Int) -> MarkdownNode {
    MarkdownParser.parse(String(text)).shifted(byLines: firstLine + index - 1)
  }

  /// `key: value` lines, with continuation lines (two leading spaces) joined to their key's value.
  /// Returns the entries in order with the index of the line each starts on, or the index of a
  /// line that is neither.
  func keyedEntries() -> Result<[(key: String, value: Substring, index: Int)], KeyedLineError> {
    var entries: [(key: String, value: Substring, index: Int)] = []
    for (index, line) in lines.enumerated() {
      if line.trimmingSpaces.isEmpty { continue }
      if line.hasPrefix("  "), !entries.isEmpty {
        entries[entries.count - 1].value += " " + line.trimmingSpaces
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        return .failure(KeyedLineError(index: index))
      }
      let key = line[..<colon].trimmingSpaces.lowercased()
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "-" }) else {
        return .failure(KeyedLineError(index: index))
      }
      entries.append((String(key), line[line.index(after: colon)...].trimmingSpaces, index))
    }
    return .success(entries)
  }
}

/// A line in a `key: value` block that has no key.
struct KeyedLineError: Error {
  let index: Int
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
