/// Small helpers shared by the topic's SVG and terminal pictures.
enum PictureDrawing {
  /// Eight block heights, from one eighth to full, for terminal sparklines.
  static let blocks: [Character] = [
    "\u{2581}", "\u{2582}", "\u{2583}", "\u{2584}", "\u{2585}",
    "\u{2586}", "\u{2587}", "\u{2588}",
  ]

  /// One column of a sparkline: a space for zero, otherwise the block whose height is closest
  /// to `value ÷ maximum` (never lower than one eighth, so small non-zero values stay visible).
  static func block(_ value: Int, maximum: Int) -> Character {
    guard value > 0, maximum > 0 else { return " " }
    let level = Int((Double(value) / Double(maximum) * 8).rounded(.up)) - 1
    return blocks[min(max(level, 0), 7)]
  }

  /// Wraps `text` in an ANSI colour when `color` is on.
  static func paint(_ text: String, code: Int, color: Bool) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Text made safe for SVG.
  static func escaped(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
  }

  /// A coordinate with at most one decimal, as SVG attributes want it.
  static func number(_ value: Double) -> String {
    let tenths = (value * 10).rounded() / 10
    return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
  }

  /// An SVG `<text>` element.
  static func text(
    _ content: String, x: Double, y: Double, size: Int = 12, anchor: String = "start",
    fill: String = "#222", weight: String = "normal"
  ) -> String {
    "<text x=\"\(number(x))\" y=\"\(number(y))\" font-family=\"Helvetica, Arial, sans-serif\" "
      + "font-size=\"\(size)\" font-weight=\"\(weight)\" text-anchor=\"\(anchor)\" "
      + "fill=\"\(fill)\">\(escaped(content))</text>"
  }

  /// A standalone SVG document of the given size around `body`.
  static func document(width: Int, height: Int, title: String, body: [String]) -> String {
    ([
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "viewBox=\"0 0 \(width) \(height)\" role=\"img\">",
      "<title>\(escaped(title))</title>",
      "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
    ]
      + body + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  /// Buffer colours for SVG, and their ANSI codes for the terminal.
  static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
  /// ANSI foreground codes matching `palette` as closely as eight colours allow.
  static let ansi = [34, 33, 32, 31, 35, 36]
}
