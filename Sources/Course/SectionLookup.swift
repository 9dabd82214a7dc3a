/// Finding a lesson's section by the heading a learner types, or copies from a grader's message
/// (`Lessons/NumberFormats.md, section “Rounding into a narrower format”`).
extension Lesson {
  /// The index in `sections` of the section `heading` names: its exact heading, else the one
  /// heading that starts with it ignoring case, else its number as `--list-sections` prints it.
  /// Surrounding spaces and quotes (straight or curly, as grader messages print them) are
  /// ignored.
  public func sectionIndex(matching heading: String) throws(SectionLookupError) -> Int {
    let wanted = Self.unquoted(heading)
    let titles = sections.map(\.title)
    if let exact = titles.firstIndex(of: wanted) { return exact }
    let lowered = wanted.lowercased()
    let prefixed = titles.indices.filter {
      !lowered.isEmpty && titles[$0].lowercased().hasPrefix(lowered)
    }
    if prefixed.count == 1 { return prefixed[0] }
    if let exactIgnoringCase = prefixed.first(where: { titles[$0].lowercased() == lowered }) {
      return exactIgnoringCase
    }
    if prefixed.isEmpty, let number = Int(wanted), titles.indices.contains(number - 1) {
      return number - 1
    }
    let near = prefixed.isEmpty ? nearTitles(to: lowered) : prefixed.map { titles[$0] }
    throw SectionLookupError(
      heading: wanted, file: file, lesson: name, candidates: near, ambiguous: prefixed.count > 1)
  }

  /// The headings a mistyped one most likely meant: those containing it, then those within a
  /// small edit distance, then those sharing a word with it; at most three.
  private func nearTitles(to lowered: String) -> [String] {
    guard !lowered.isEmpty else { return [] }
    let titles = sections.map(\.title)
    var near = titles.filter { $0.lowercased().contains(lowered) }
    if let closest = closestMatch(lowered, in: Set(titles)), !near.contains(closest) {
      near.append(closest)
    }
    let words = Set(lowered.split(separator: " ").filter { $0.count > 3 })
    near += titles.filter { title in
      !near.contains(title)
        && !words.isDisjoint(with: title.lowercased().split(separator: " "))
    }
    return Array(near.prefix(3))
  }

  private static func unquoted(_ text: String) -> String {
    var trimmed = Substring(text).trimmingSpaces
    let quotes: [(Character, Character)] = [("\u{201C}", "\u{201D}"), ("\"", "\""), ("'", "'")]
    for (open, close) in quotes where trimmed.count >= 2 {
      if trimmed.first == open && trimmed.last == close {
        trimmed = trimmed.dropFirst().dropLast().trimmingSpaces
      }
    }
    return String(trimmed)
  }
}

/// A `--section` that names no section of the lesson, or more than one.
public struct SectionLookupError: Error, Equatable, CustomStringConvertible {
  /// The heading as asked for, quotes removed.
  public let heading: String
  /// The lesson's file, `Lessons/<name>.md`.
  public let file: String
  /// The lesson's name, for the `--list-sections` suggestion.
  public let lesson: String
  /// The headings it may have meant (for an ambiguous prefix, every heading it starts).
  public let candidates: [String]
  /// Whether the heading is the start of several headings rather than of none.
  public let ambiguous: Bool

  /// One line: what was not found, where, and what was perhaps meant.
  public var description: String {
    let quoted = candidates.map { "\u{201C}\($0)\u{201D}" }
    let list = "see workbook read \(lesson) --list-sections"
    if ambiguous {
      return
        "section \u{201C}\(heading)\u{201D} of \(file) is ambiguous: \(quoted.joined(separator: ", ")); \(list)"
    }
    let suggestion = quoted.isEmpty ? "" : " (did you mean \(quoted.joined(separator: " or "))?)"
    return "no section \u{201C}\(heading)\u{201D} in \(file)\(suggestion); \(list)"
  }
}
