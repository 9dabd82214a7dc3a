import CCmark

/// Parses CommonMark with libcmark and copies the result into `MarkdownNode` values.
public enum MarkdownParser {
  /// Parses `source` and returns its document node. Every C object created is freed before
  /// this returns; any byte sequence is accepted, as CommonMark defines no syntax errors.
  public static func parse(_ source: String) -> MarkdownNode {
    var bytes = Array(source.utf8)
    let document: OpaquePointer? = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
        cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
      }
    }
    guard let document else { return MarkdownNode(.document) }
    defer { cmark_node_free(document) }
    return copy(document)
  }

  /// Copies one C node and its subtree. The recursion depth is the nesting depth of the
  /// document, which cmark itself bounds for inlines and which block nesting keeps small.
  private static func copy(_ node: OpaquePointer) -> MarkdownNode {
    var children: [MarkdownNode] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      children.append(copy(current))
      child = cmark_node_next(current)
    }
    return MarkdownNode(
      kind(of: node), children: children,
      start: SourcePosition(
        line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
      end: SourcePosition(
        line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))))
  }

  private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
    let type = cmark_node_get_type(node)
    switch type {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      return .list(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK:
      return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal(node))
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(node))
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text(literal(node))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(literal(node))
    case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(node))
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE:
      return .image(
        url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock(raw: string(cmark_node_get_on_enter(node)))
    default: return .customInline(raw: string(cmark_node_get_on_enter(node)))
    }
  }

  private static func literal(_ node: OpaquePointer) -> String {
    string(cmark_node_get_literal(node))
  }

  /// Strings returned by cmark's getters belong to the node: copy, never free.
  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }
}
