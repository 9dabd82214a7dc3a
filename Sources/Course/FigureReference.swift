import Markdown

/// A `[text](fig:id)` link in a lesson: a figure the code must agree with.
public struct FigureReference: Sendable, Equatable {
  /// The figure's id, after `fig:`.
  public let id: String
  /// The link's text, which must equal the computed figure.
  public let text: String
  /// The line of the link.
  public let line: Int

  /// Every figure link in a block, in document order.
  public static func all(in block: LessonBlock) -> [FigureReference] {
    nodes(of: block).flatMap(\.descendants).compactMap { node in
      guard case .link(let url, _) = node.kind, url.hasPrefix("fig:") else { return nil }
      return FigureReference(
        id: String(url.dropFirst(4)), text: node.plainText, line: node.start.line)
    }
  }

  /// The Markdown trees a block holds.
  static func nodes(of block: LessonBlock) -> [MarkdownNode] {
    switch block {
    case .markdown(let node): return [node]
    case .exercise(let exercise): return [exercise.summary] + exercise.hints
    case .question(let question): return [question.prompt, question.answer]
    case .callout(let callout): return [callout.body]
    case .errata(let errata): return [errata.notes, errata.correct, errata.why]
    case .table(let table): return table.header + table.rows.flatMap { $0 }
    case .picture: return []
    }
  }
}
