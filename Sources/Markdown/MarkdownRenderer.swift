import CCmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The output formats of cmark's own renderers.
public enum MarkdownFormat: String, Sendable, CaseIterable {
  case html
  case latex
  case man
  case commonmark
}

/// Renders `MarkdownNode` trees through cmark's renderers.
///
/// The Swift tree is rebuilt as a cmark tree with `cmark_node_new` (nothing is parsed again),
/// rendered, and freed. Custom nodes carry raw output in the target format, which is how the
/// workbook's own blocks (questions, callouts, tables, pictures) reach each format.
public enum MarkdownRenderer {
  /// Renders `node` in `format`. `width` wraps LaTeX, man and CommonMark output (0: no wrap).
  /// Raw HTML in the source is kept: lessons are the workbook's own, trusted input.
  public static func render(_ node: MarkdownNode, as format: MarkdownFormat, width: Int = 0)
    -> String
  {
    let root = build(node.kind == .document ? node : MarkdownNode(.document, children: [node]))
    defer { cmark_node_free(root) }
    let options = CMARK_OPT_UNSAFE
    let rendered: UnsafeMutablePointer<CChar>?
    switch format {
    case .html: rendered = cmark_render_html(root, options)
    case .latex: rendered = cmark_render_latex(root, options, Int32(width))
    case .man: rendered = cmark_render_man(root, options, Int32(width))
    case .commonmark: rendered = cmark_render_commonmark(root, options, Int32(width))
    }
    guard let rendered else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  /// Builds a C subtree; the caller owns the returned root.
  private static func build(_ node: MarkdownNode) -> OpaquePointer {
    let created = cmark_node_new(type(of: node.kind))!
    configure(created, for: node.kind)
    for child in node.children {
      let built = build(child)
      if cmark_node_append_child(created, built) == 0 {
        // cmark refuses children its kind cannot hold; free what it did not adopt.
        cmark_node_free(built)
      }
    }
    return created
  }

  private static func type(of kind: MarkdownNode.Kind) -> cmark_node_type {
    switch kind {
    case .document: return CMARK_NODE_DOCUMENT
    case .blockQuote: return CMARK_NODE_BLOCK_QUOTE
    case .list: return CMARK_NODE_LIST
    case .item: return CMARK_NODE_ITEM
    case .codeBlock: return CMARK_NODE_CODE_BLOCK
    case .htmlBlock: return CMARK_NODE_HTML_BLOCK
    case .customBlock: return CMARK_NODE_CUSTOM_BLOCK
    case .paragraph: return CMARK_NODE_PARAGRAPH
    case .heading: return CMARK_NODE_HEADING
    case .thematicBreak: return CMARK_NODE_THEMATIC_BREAK
    case .text: return CMARK_NODE_TEXT
    case .softBreak: return CMARK_NODE_SOFTBREAK
    case .lineBreak: return CMARK_NODE_LINEBREAK
    case .code: return CMARK_NODE_CODE
    case .htmlInline: return CMARK_NODE_HTML_INLINE
    case .customInline: return CMARK_NODE_CUSTOM_INLINE
    case .emphasis: return CMARK_NODE_EMPH
    case .strong: return CMARK_NODE_STRONG
    case .link: return CMARK_NODE_LINK
    case .image: return CMARK_NODE_IMAGE
    }
  }

  /// Sets the data of a new node; cmark copies every string it is given.
  private static func configure(_ created: OpaquePointer, for kind: MarkdownNode.Kind) {
    switch kind {
    case .list(let ordered, let start, let tight):
      cmark_node_set_list_type(created, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
      cmark_node_set_list_start(created, Int32(clamping: start))
      cmark_node_set_list_tight(created, tight ? 1 : 0)
      if ordered { cmark_node_set_list_delim(created, CMARK_PERIOD_DELIM) }
    case .codeBlock(let info, let literal):
      cmark_node_set_fence_info(created, info)
      cmark_node_set_literal(created, literal)
    case .htmlBlock(let text), .text(let text), .code(let text), .htmlInline(let text):
      cmark_node_set_literal(created, text)
    case .customBlock(let raw), .customInline(let raw):
      cmark_node_set_on_enter(created, raw)
    case .heading(let level):
      cmark_node_set_heading_level(created, Int32(clamping: level))
    case .link(let url, let title), .image(let url, let title):
      cmark_node_set_url(created, url)
      cmark_node_set_title(created, title)
    default:
      break
    }
  }
}
