/// A line and column in a Markdown source, both counted from 1, as cmark reports them.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  /// The line, from 1.
  public var line: Int
  /// The column, from 1.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// One node of a CommonMark document, copied out of cmark's tree into a plain Swift value.
///
/// The copy owns no C memory, so it is `Sendable` and can outlive the parser.
public struct MarkdownNode: Sendable, Equatable {
  /// What the node is, with the data that kind of node carries.
  public enum Kind: Sendable, Equatable {
    case document
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool)
    case item
    /// A fenced or indented code block; `info` is the text after the opening fence.
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    /// Raw output in the target format of a render; never produced by parsing.
    case customBlock(raw: String)
    case paragraph
    case heading(level: Int)
    case thematicBreak
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    /// Raw inline output in the target format of a render; never produced by parsing.
    case customInline(raw: String)
    case emphasis
    case strong
    case link(url: String, title: String)
    case image(url: String, title: String)
  }

  /// What the node is.
  public var kind: Kind
  /// The node's children, in document order.
  public var children: [MarkdownNode]
  /// Where the node starts in its source.
  public var start: SourcePosition
  /// Where the node ends in its source.
  public var end: SourcePosition

  /// Creates a node; positions default to the start of the source.
  public init(
    _ kind: Kind, children: [MarkdownNode] = [],
    start: SourcePosition = SourcePosition(line: 1, column: 1),
    end: SourcePosition = SourcePosition(line: 1, column: 1)
  ) {
    self.kind = kind
    self.children = children
    self.start = start
    self.end = end
  }
}

extension MarkdownNode {
  /// The text of the node and its descendants, without markup: code spans keep their text,
  /// breaks become spaces.
  public var plainText: String {
    switch kind {
    case .text(let text), .code(let text): return text
    case .softBreak, .lineBreak: return " "
    case .codeBlock(_, let literal): return literal
    default: return children.map(\.plainText).joined()
    }
  }

  /// Every node of the subtree, this one first, in document order.
  public var descendants: [MarkdownNode] {
    [self] + children.flatMap(\.descendants)
  }
}

extension MarkdownNode {
  /// The same subtree with every line number moved down by `lines`: for a fragment parsed on
  /// its own out of a larger file, so diagnostics still name the file's real line.
  public func shifted(byLines lines: Int) -> MarkdownNode {
    var copy = self
    copy.start.line += lines
    copy.end.line += lines
    copy.children = children.map { $0.shifted(byLines: lines) }
    return copy
  }
}
