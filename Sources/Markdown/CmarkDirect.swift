import CCmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// cmark's own one-call conversion, with no Swift tree in between: the peer the workbook's
/// parse-copy-rebuild-render path is measured and tested against.
public enum CmarkDirect {
  /// `cmark_markdown_to_html` on `text`, with raw HTML kept as the workbook's renderer keeps it.
  public static func html(_ text: String) -> String {
    guard let rendered = cmark_markdown_to_html(text, text.utf8.count, CMARK_OPT_UNSAFE) else {
      return ""
    }
    defer { free(rendered) }
    return String(cString: rendered)
  }
}
