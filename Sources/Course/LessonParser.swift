import Markdown

/// Turns a lesson's CommonMark tree into a `Lesson`, collecting every problem it finds.
///
/// Only the tree is read: the workbook's own blocks are fenced code blocks whose info string
/// names a kind (`exercise`, `question`, `note`, `tip`, `warning`, `errata`, `table`,
/// `picture`), and their bodies are parsed by the small grammars in Lessons/README.md.
struct LessonParser {
  let name: String
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  private var questionCount = 0

  init(name: String, file: String) {
    self.name = name
    self.file = file
  }

  mutating func parse(_ document: MarkdownNode) -> Lesson {
    var title = name
    var introduction: [LessonBlock] = []
    var sections: [LessonSection] = []
    var current: (title: String, line: Int, blocks: [LessonBlock])?
    var seenTitle = false
    for node in document.children {
      if case .heading(let level) = node.kind, level <= 2 {
        if level == 1 && !seenTitle {
          title = node.plainText
          seenTitle = true
          continue
        }
        if level == 1 {
          report(node.start.line, "a lesson has one `#` title; use `##` for sections")
        }
        if let open = current {
          sections.append(LessonSection(title: open.title, line: open.line, blocks: open.blocks))
        }
        current = (node.plainText, node.start.line, [])
        continue
      }
      let block = parseBlock(node, section: current?.title ?? title)
      if current != nil {
        current?.blocks.append(block)
      } else {
        introduction.append(block)
      }
    }
    if let open = current {
      sections.append(LessonSection(title: open.title, line: open.line, blocks: open.blocks))
    }
    if !seenTitle { report(1, "the lesson has no `#` title") }
    return Lesson(
      name: name, file: file, title: title, introduction: introduction, sections: sections)
  }

  private mutating func report(_ line: Int, _ message: String) {
    diagnostics.append(Diagnostic(file: file, line: line, message: message))
  }

  private mutating func parseBlock(_ node: MarkdownNode, section: String) -> LessonBlock {
    guard case .codeBlock(let info, let literal) = node.kind else { return .markdown(node) }
    let words = info.split(separator: " ", omittingEmptySubsequences: true)
    guard let kind = words.first else { return .markdown(node) }
    let body = BlockBody(literal: literal, fenceLine: node.start.line)
    let line = node.start.line
    switch kind {
    case "exercise":
      return parseExercise(words.dropFirst(), body, line: line, section: section) ?? .markdown(node)
    case "question":
      return parseQuestion(words.dropFirst(), body, line: line) ?? .markdown(node)
    case "errata":
      return parseErrata(body, line: line) ?? .markdown(node)
    case "table":
      return parseTable(body, line: line) ?? .markdown(node)
    case "picture":
      guard words.count == 2 else {
        report(line, "a picture block names one picture: ```picture <id>")
        return .markdown(node)
      }
      return .picture(PictureReference(id: String(words[1]), line: line))
    default:
      if let calloutKind = Callout.Kind(rawValue: String(kind)) {
        return .callout(Callout(kind: calloutKind, body: body.markdown(0..<body.lines.count)))
      }
      return .markdown(node)
    }
  }

  private mutating func parseExercise(
    _ words: ArraySlice<Substring>, _ body: BlockBody, line: Int, section: String
  ) -> LessonBlock? {
    guard words.count == 1, let exerciseName = words.first,
      exerciseName.allSatisfy({ $0.isLetter || $0.isNumber })
    else {
      report(line, "an exercise block names one exercise: ```exercise <Name>")
      return nil
    }
    var summary: MarkdownNode?
    var hints: [MarkdownNode] = []
    switch body.keyedEntries() {
    case .failure(let error):
      report(
        body.firstLine + error.index, "expected `summary:` or `hint:` in exercise \(exerciseName)")
      return nil
    case .success(let entries):
      for entry in entries {
        switch entry.key {
        case "summary": summary = body.markdown(entry.value, atIndex: entry.index)
        case "hint": hints.append(body.markdown(entry.value, atIndex: entry.index))
        default:
          report(
            body.firstLine + entry.index, "unknown key `\(entry.key)` in exercise \(exerciseName)")
        }
      }
    }
    guard let summary else {
      report(line, "exercise \(exerciseName) has no `summary:` line")
      return nil
    }
    return .exercise(
      ExerciseReference(
        name: String(exerciseName), lesson: name, section: section, summary: summary, hints: hints,
        line: line))
  }

  private mutating func parseQuestion(
    _ words: ArraySlice<Substring>, _ body: BlockBody, line: Int
  ) -> LessonBlock? {
    var attributes: [String: String] = [:]
    for word in words {
      let pair = word.split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else {
        report(line, "question attributes are key=value, got `\(word)`")
        return nil
      }
      attributes[String(pair[0])] = String(pair[1])
    }
    guard let divider = body.lines.firstIndex(where: { $0.trimmingSpaces == "---" }) else {
      report(line, "the question has no answer: add a `---` line, then the answer")
      return nil
    }
    let prompt = body.markdown(0..<divider)
    let answer = body.markdown((divider + 1)..<body.lines.count)
    if prompt.children.isEmpty || answer.children.isEmpty {
      report(
        line, prompt.children.isEmpty ? "the question is empty" : "the question's answer is empty")
      return nil
    }
    var numeric: NumericAnswer?
    if let figure = attributes.removeValue(forKey: "figure") {
      let toleranceText = attributes.removeValue(forKey: "tolerance") ?? "0"
      guard let tolerance = Double(toleranceText), tolerance >= 0 else {
        report(line, "tolerance must be a number ≥ 0, got `\(toleranceText)`")
        return nil
      }
      numeric = NumericAnswer(figure: figure, value: nil, unit: "", tolerance: tolerance)
    }
    if let unknown = attributes.keys.sorted().first {
      report(line, "unknown question attribute `\(unknown)` (known: figure, tolerance)")
    }
    questionCount += 1
    return .question(
      Question(
        id: "\(name)#\(questionCount)", prompt: prompt, answer: answer, numeric: numeric, line: line
      ))
  }

  private mutating func parseErrata(_ body: BlockBody, line: Int) -> LessonBlock? {
    guard case .success(let entries) = body.keyedEntries() else {
      report(line, "an errata block has three lines: `notes:`, `correct:` and `why:`")
      return nil
    }
    var parts: [String: MarkdownNode] = [:]
    for entry in entries {
      guard ["notes", "correct", "why"].contains(entry.key) else {
        report(
          body.firstLine + entry.index,
          "unknown key `\(entry.key)` in errata (known: notes, correct, why)")
        return nil
      }
      parts[entry.key] = body.markdown(entry.value, atIndex: entry.index)
    }
    guard let notes = parts["notes"], let correct = parts["correct"], let why = parts["why"] else {
      let missing = ["notes", "correct", "why"].filter { parts[$0] == nil }.joined(separator: ", ")
      report(line, "the errata block is missing \(missing)")
      return nil
    }
    return .errata(Errata(notes: notes, correct: correct, why: why))
  }

  private mutating func parseTable(_ body: BlockBody, line: Int) -> LessonBlock? {
    var rows: [[MarkdownNode]] = []
    for (index, text) in body.lines.enumerated() {
      let trimmed = text.trimmingSpaces
      if trimmed.isEmpty { continue }
      if trimmed.allSatisfy({ "|-: ".contains($0) }) { continue }
      var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
      if trimmed.hasPrefix("|") { cells.removeFirst() }
      if trimmed.hasSuffix("|"), cells.count > 1 { cells.removeLast() }
      let row = cells.map {
        body.markdown(Substring(Self.inlineOnly($0.trimmingSpaces)), atIndex: index)
      }
      if let header = rows.first, header.count != row.count {
        report(
          body.firstLine + index,
          "ragged table: this row has \(row.count) cells, the header \(header.count)")
        return nil
      }
      rows.append(row)
    }
    guard let header = rows.first else {
      report(line, "the table is empty")
      return nil
    }
    return .table(Table(header: header, rows: Array(rows.dropFirst())))
  }

  /// A table cell's text made safe to parse as one paragraph: a cell is inline text, but cmark
  /// reads a leading `+ `, `- `, `1. `, `# `, `> ` or a fence as the start of a list, heading,
  /// quote or code block, and the cell would lose its text. A backslash before the marker keeps
  /// it literal (CommonMark lets any ASCII punctuation be escaped).
  static func inlineOnly(_ cell: Substring) -> String {
    let text = String(cell)
    guard let first = text.first else { return text }
    let endsMarker = { (after: Substring) in
      after.isEmpty || after.first == " " || after.first == "\t"
    }
    let rule = text.filter { $0 != " " && $0 != "\t" }
    if rule.count >= 3, let mark = rule.first, "-*_".contains(mark), rule.allSatisfy({ $0 == mark })
    {
      return "\\" + text
    }
    switch first {
    case "+", "-", "*":
      return endsMarker(text.dropFirst()) ? "\\" + text : text
    case ">":
      return "\\" + text
    case "#":
      let hashes = text.prefix { $0 == "#" }
      return hashes.count <= 6 && endsMarker(text.dropFirst(hashes.count)) ? "\\" + text : text
    case "`", "~":
      return text.hasPrefix(String(repeating: first, count: 3)) ? "\\" + text : text
    case "0"..."9":
      let digits = text.prefix { $0.isASCII && $0.isNumber }
      let after = text.dropFirst(digits.count)
      guard digits.count <= 9, let marker = after.first, marker == "." || marker == ")",
        endsMarker(after.dropFirst())
      else { return text }
      return digits + "\\" + after
    default:
      return text
    }
  }
}
