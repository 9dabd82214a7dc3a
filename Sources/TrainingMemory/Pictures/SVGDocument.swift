/// A minimal SVG writer: standalone documents with inline styles and no external references.
struct SVGDocument {
  let width: Double
  let height: Double
  private var elements: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
    rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
    dashed: Bool = false, radius: Double = 0
  ) {
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\""
    attributes += " fill=\"\(fill)\""
    if radius > 0 { attributes += " rx=\"\(n(radius))\"" }
    if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"1.2\"" }
    if dashed { attributes += " stroke-dasharray=\"5 3\"" }
    elements.append("<rect \(attributes)/>")
  }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    bold: Bool = false, color: String = "#222222", italic: Bool = false
  ) {
    var style = "font-family:Helvetica,Arial,sans-serif;font-size:\(n(size))px;fill:\(color)"
    if bold { style += ";font-weight:bold" }
    if italic { style += ";font-style:italic" }
    elements.append(
      "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" style=\"\(style)\">"
        + "\(escaped(content))</text>")
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, color: String = "#555555",
    width: Double = 1.2, dashed: Bool = false
  ) {
    var attributes = "x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\""
    attributes += " stroke=\"\(color)\" stroke-width=\"\(n(width))\""
    if dashed { attributes += " stroke-dasharray=\"4 3\"" }
    elements.append("<line \(attributes)/>")
  }

  /// A line with an arrowhead at its end, drawn as a polygon (no markers to resolve).
  mutating func arrow(x1: Double, y1: Double, x2: Double, y2: Double, color: String = "#555555") {
    line(x1: x1, y1: y1, x2: x2, y2: y2, color: color)
    let dx = x2 - x1
    let dy = y2 - y1
    let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
    let (ux, uy) = (dx / length, dy / length)
    let (bx, by) = (x2 - 8 * ux, y2 - 8 * uy)
    let points = [(x2, y2), (bx - 4 * uy, by + 4 * ux), (bx + 4 * uy, by - 4 * ux)]
    let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    elements.append("<polygon points=\"\(list)\" fill=\"\(color)\"/>")
  }

  /// The finished document.
  func render() -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
      + "viewBox=\"0 0 \(n(width)) \(n(height))\">\n" + elements.joined(separator: "\n")
      + "\n</svg>\n"
  }

  private func n(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
  }

  private func escaped(_ text: String) -> String {
    text.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;")
  }
}

extension String {
  /// Every occurrence of `target` replaced (the standard library has no such method).
  func replacingAll(_ target: Character, _ replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}

/// One coloured component of a stacked bar, with its terminal shade and ANSI colour.
struct BarComponent {
  let name: String
  let fill: String
  let shade: Character
  let ansi: Int
}

/// Terminal drawing shared by the bar pictures.
enum TerminalBars {
  /// A bar of `segments` (bytes per component), `scale` characters per byte.
  static func bar(
    _ segments: [(BarComponent, UInt64)], scale: Double, color: Bool
  ) -> String {
    var text = ""
    var drawn = 0
    var exact = 0.0
    for (component, bytes) in segments {
      exact += Double(bytes) * scale
      // Cumulative rounding keeps the bar's length true to the total.
      let count = max(0, Int(exact.rounded()) - drawn)
      drawn += count
      guard count > 0 else { continue }
      let run = String(repeating: color ? "█" : String(component.shade), count: count)
      text += color ? "\u{1B}[\(component.ansi)m\(run)\u{1B}[0m" : run
    }
    return text
  }

  /// A legend line: each component's shade (or colour) and name.
  static func legend(_ components: [BarComponent], color: Bool) -> String {
    components.map { component in
      let mark = color ? "\u{1B}[\(component.ansi)m█\u{1B}[0m" : String(component.shade)
      return "\(mark) \(component.name)"
    }.joined(separator: "   ")
  }

  /// `text` padded with spaces to `width` characters.
  static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }
}
